#!/usr/bin/env bash
# What `#[derive(Validate)]` costs a user at build time: the CPU time (user + sys) of a cold
# `cargo build --release` of a small crate declaring the ECR settings structs with the derive,
# divided by that of the same crate declaring them with serde's derive alone (issue 10: at
# most 2.0×).
#
# Usage: scripts/compile-cost.sh [-r RUNS] [-c COPIES] [-f FEATURES] [-t] [TREE...]
#   TREE      an ecr-config checkout (a directory) or a git revision of this repository
#             (exported with `git archive`, so `main HEAD` compares two commits in one run,
#             under the same load); default: this working tree, uncommitted changes included
#   -r RUNS   cold builds of each crate (default 3); runs are interleaved so that a change of
#             load hits every crate alike; the median is reported, and the ratio of the
#             fastest runs beside it
#   -c COPIES declare the structs COPIES times, in as many modules (default 1: 4 structs and
#             the region enum; 6 copies are about 30 types)
#   -f FEAT   features of `ecr-config` for the derive crate (default: its defaults)
#   -t        where the time goes: one more build of each crate (not counted above), with
#             `--timings` and through a rustc wrapper that times each compilation, and prints per crate its
#             CPU seconds and the wall seconds `--timings` reports (×N: N units of the crate,
#             e.g. a host and a target copy, or a build script compiled and run); the HTML
#             reports are kept in the work directory with -k
#   -k        keep the work directory (sources, logs, timings; target dirs are removed)
# Environment: COMPILE_COST_DIR (work directory, default a new one under /tmp); Cargo's own
# variables (CARGO_BUILD_JOBS, ...) pass through, RUSTC_WRAPPER and RUSTFLAGS are cleared.
# Needs bash, awk, git (for revisions) and the toolchain; about a minute of CPU a build.
#
# The two crates, generated in the work directory (outside any workspace and target):
# - `ecr`: the structs of `ecr-config/src/ecr/{mod,region}.rs` with
#   `#[derive(Debug, Deserialize, Validate)]` and their `#[len]`, `#[pattern]`, `#[constant]`,
#   `#[content_media_type]` and `#[title]` attributes, and a `parse` that calls
#   `ecr_config::from_json_str`; depends on `ecr-config` (by path) and `serde`.
# - `serde`, the baseline: the same structs with `#[derive(Debug, Deserialize)]` (a `Secret`
#   is a `String`), and a `parse` that calls `serde_json::from_str`; depends on `serde` with
#   `derive` and `serde_json`. serde alone cannot read a config: a user who does not take
#   ecr-config reads JSON with serde_json, so the baseline pays for it too, and the ratio is
#   what choosing the derive adds to what the user builds anyway (issue 10's 2.0×).
# - `bare`, a second baseline for reference: the same structs with serde's derive and no
#   `parse`, depending on `serde` alone (no format: it cannot read anything).
# Both build with the tree's Cargo.lock (so the versions the workspace pins) and `--offline`:
# the dependencies must be in Cargo's cache already (any `cargo build` of the workspace
# fetches them). Prints `uptime` before and after: CPU time is less disturbed by load than
# wall time, but not immune to it.
set -euo pipefail

runs=3 copies=1 features=default timings=false keep=false
while getopts 'r:c:f:tkh' opt; do
    case $opt in
        r) runs=$OPTARG ;;
        c) copies=$OPTARG ;;
        f) features=$OPTARG ;;
        t) timings=true ;;
        k) keep=true ;;
        *) sed -n '2,/^set -euo/{/^set/d;s/^# \{0,1\}//;p}' "$0"; [[ $opt == h ]]; exit ;;
    esac
done
shift $((OPTIND - 1))

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${COMPILE_COST_DIR:-$(mktemp -d /tmp/compile-cost.XXXXXX)}
mkdir -p "$work"
unset RUSTC_WRAPPER RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR
export CARGO_TERM_COLOR=never
(($# > 0)) || set -- "$repo"

# The ECR settings structs. A line ending in `// ecr` is only in the derive's crate, one
# ending in `// serde` only in the baseline; `Secret<String>` is `String` in the baseline.
declarations() {
    cat <<'RUST'
/// Defines the settings for AWS ECR integration, including CI/CD and assets
#[derive(Debug, Deserialize, Validate)] // ecr
#[derive(Debug, Deserialize)] // serde
#[serde(deny_unknown_fields)]
#[title("AWS ECR")] // ecr
pub struct EcrConfig {
    /// Set up credentials for writing and pushing Docker images to ECR as part of your CI/CD
    /// pipelines
    #[title("CI/CD Image Push Configuration")] // ecr
    pub ci: CiConfig,
    /// Configure permissions for pulling Docker images from a centralized ECR repository
    /// across AWS accounts
    #[title("Cross-Account Pull Access")] // ecr
    #[serde(default)]
    pub read: Option<ReadConfig>,
    /// Configure base settings for storing Docker builds in your ECR repository
    #[title("Storage configuration")] // ecr
    pub setup: SetupConfig,
    #[title("Provider")] // ecr
    #[constant("aws-ecr")] // ecr
    #[serde(default = "default_repository_provider")]
    pub repository_provider: String,
}

fn default_repository_provider() -> String {
    "aws-ecr".to_owned()
}

/// Set up credentials for writing and pushing Docker images to ECR as part of your CI/CD
/// pipelines
#[derive(Debug, Deserialize, Validate)] // ecr
#[derive(Debug, Deserialize)] // serde
#[serde(deny_unknown_fields)]
#[title("CI/CD Image Push Configuration")] // ecr
pub struct CiConfig {
    /// AWS region for CI/CD operations
    #[title("AWS Region")] // ecr
    pub region: Region,
    /// AWS access key for CI/CD pipeline
    #[len(20)] // ecr
    #[pattern("^[A-Z0-9]{20}$")] // ecr
    pub access_key: String,
    /// AWS secret key for CI/CD pipeline
    #[len(min = 1)] // ecr
    pub secret_key: Secret<String>,
}

/// Configure permissions for pulling Docker images from a centralized ECR repository across
/// AWS accounts
#[derive(Debug, Deserialize, Validate)] // ecr
#[derive(Debug, Deserialize)] // serde
#[serde(deny_unknown_fields)]
#[title("Cross-Account Pull Access")] // ecr
pub struct ReadConfig {
    /// AWS region where the centralized Amazon ECR repository is located
    #[title("ECR Region")] // ecr
    #[serde(default)]
    pub region: Option<Region>,
    /// Intermediate IAM role ARN that will be assumed to pull Docker images from the
    /// centralized ECR repository
    #[title("Assume Role ARN")] // ecr
    #[len(min = 1)] // ecr
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")] // ecr
    #[serde(default)]
    pub role_arn: Option<String>,
}

/// Configure base settings for storing Docker builds in your ECR repository
#[derive(Debug, Deserialize, Validate)] // ecr
#[derive(Debug, Deserialize)] // serde
#[serde(deny_unknown_fields)]
#[title("Storage configuration")] // ecr
pub struct SetupConfig {
    /// ECR repository access policy as a JSON string
    #[title("Repository Policy")] // ecr
    #[content_media_type("application/json")] // ecr
    #[serde(default)]
    pub policy: Option<String>,
    /// AWS region for ECR
    #[title("AWS Region")] // ecr
    pub region: Region,
    /// AWS IAM role ARN for ECR access
    #[len(min = 1)] // ecr
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")] // ecr
    pub role_arn: String,
    /// External ID for the main IAM role
    #[title("Role External ID")] // ecr
    #[len(min = 1)] // ecr
    #[serde(default)]
    pub external_id: Option<String>,
    /// Intermediate IAM role for cross-account access
    #[len(min = 1)] // ecr
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")] // ecr
    #[serde(default)]
    pub intermediate_role: Option<String>,
    /// External ID for the intermediate IAM role
    #[title("Intermediate Role External ID")] // ecr
    #[len(min = 1)] // ecr
    #[serde(default)]
    pub intermediate_external_id: Option<String>,
}

/// The AWS regions the ECR integration supports, spelled as AWS spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Validate)] // ecr
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)] // serde
pub enum Region {
    #[serde(rename = "us-east-1")]
    UsEast1,
    #[serde(rename = "us-east-2")]
    UsEast2,
    #[serde(rename = "us-west-1")]
    UsWest1,
    #[serde(rename = "us-west-2")]
    UsWest2,
    #[serde(rename = "eu-west-1")]
    EuWest1,
    #[serde(rename = "eu-west-2")]
    EuWest2,
    #[serde(rename = "eu-west-3")]
    EuWest3,
    #[serde(rename = "eu-central-1")]
    EuCentral1,
    #[serde(rename = "eu-north-1")]
    EuNorth1,
    #[serde(rename = "ap-southeast-1")]
    ApSoutheast1,
    #[serde(rename = "ap-southeast-2")]
    ApSoutheast2,
    #[serde(rename = "ap-northeast-1")]
    ApNortheast1,
    #[serde(rename = "ap-northeast-2")]
    ApNortheast2,
    #[serde(rename = "ap-south-1")]
    ApSouth1,
    #[serde(rename = "sa-east-1")]
    SaEast1,
    #[serde(rename = "ca-central-1")]
    CaCentral1,
    #[serde(rename = "me-south-1")]
    MeSouth1,
    #[serde(rename = "af-south-1")]
    AfSouth1,
}

RUST
}

# The crate's use of the structs: reading one.
parse() {
    echo '/// Reads a config; `None` for a document that is not one.'
    echo 'pub fn parse(input: &str) -> Option<EcrConfig> {'
    echo "    $1(input).ok()"
    echo '}'
}

# generate DIR KIND DEPENDENCIES LOCK: a crate `KIND` (ecr, serde or bare) in DIR.
generate() {
    local dir=$1 kind=$2 dependencies=$3 lock=$4 other i
    other=$([[ $kind == ecr ]] && echo serde || echo ecr)
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<TOML
[package]
name = "compile-cost-$kind"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$dependencies

# Not a member of any workspace around it.
[workspace]
TOML
    cp "$lock" "$dir/Cargo.lock"
    {
        echo '//! Generated by scripts/compile-cost.sh.'
        echo '#![allow(dead_code)]'
        for ((i = 0; i < copies; i++)); do
            echo "pub mod copy$i {"
            echo 'use serde::Deserialize;'
            [[ $kind == ecr ]] && echo 'use ecr_config::{Secret, Validate};'
            [[ $kind != ecr ]] && echo 'type Secret<T> = T;'
            declarations | grep -v " // $other\$" | sed 's| // [a-z]*$||'
            [[ $kind == ecr ]] && parse ecr_config::from_json_str
            [[ $kind == serde ]] && parse serde_json::from_str
            echo '}'
        done
    } >"$dir/src/lib.rs"
    # Resolve now (offline, from the copied lock), so that the timed builds only build.
    (cd "$dir" && cargo metadata --offline --format-version 1 >/dev/null)
}

# The trees to measure, as directories; git revisions are exported.
trees=() labels=()
for tree in "$@"; do
    if [[ -d $tree ]]; then
        trees+=("$(cd "$tree" && pwd)") labels+=("$tree")
    else
        rev=$(git -C "$repo" rev-parse --short "$tree^{commit}")
        mkdir -p "$work/src-$rev"
        git -C "$repo" archive "$rev" | tar -x -C "$work/src-$rev"
        trees+=("$work/src-$rev") labels+=("$tree ($rev)")
    fi
done

crates=(serde bare) names=("serde + serde_json" "serde alone")
generate "$work/serde" serde $'serde = { version = "1", features = ["derive"] }\nserde_json = "1"' \
    "${trees[0]}/Cargo.lock"
generate "$work/bare" bare 'serde = { version = "1", features = ["derive"] }' "${trees[0]}/Cargo.lock"
for i in "${!trees[@]}"; do
    if [[ $features == default ]]; then
        spec="path = \"${trees[$i]}/ecr-config\""
    else
        spec="path = \"${trees[$i]}/ecr-config\", default-features = false, features = [$(
            sed 's/[^,][^,]*/"&"/g' <<<"$features")]"
    fi
    generate "$work/ecr$i" ecr "ecr-config = { $spec }"$'\nserde = { version = "1", features = ["derive"] }' \
        "${trees[$i]}/Cargo.lock"
    crates+=("ecr$i") names+=("ecr-config ${labels[$i]}")
done

# For -t: times each compilation (CPU of rustc and the proc macros it runs), by crate name.
cat >"$work/rustc-cpu" <<'WRAPPER'
#!/usr/bin/env bash
name= prev=
for arg; do [[ $prev == --crate-name ]] && name=$arg; prev=$arg; done
[[ -n $name ]] || exec "$@"
TIMEFORMAT="%3U %3S $name"
{ time "$@" 2>&3; } 3>&2 2>>"$RUSTC_CPU_LOG"
WRAPPER
chmod +x "$work/rustc-cpu"

echo "load before: $(uptime)"
echo "work directory: $work; $runs cold builds of each crate, $copies copies of the structs"
declare -A seconds
last=$runs
$timings && last=$((runs + 1))
for ((run = 1; run <= last; run++)); do
    for crate in "${crates[@]}"; do
        dir=$work/$crate
        rm -rf "$dir/target"
        extra=() wrapper=
        if ((run > runs)); then
            extra=(--timings) wrapper=$work/rustc-cpu
            : >"$dir/cpu.log"
        fi
        TIMEFORMAT='%3U %3S'
        if ! { time (cd "$dir" && RUSTC_WRAPPER=$wrapper RUSTC_CPU_LOG=$dir/cpu.log \
            cargo build --release --offline "${extra[@]}" >"$dir/build.log" 2>&1); } \
            2>"$dir/time"; then
            cat "$dir/build.log" >&2
            exit 1
        fi
        read -r user sys <"$dir/time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        ((run > runs)) && continue
        seconds[$crate]+="$cpu "
        printf 'run %d  %-28s %7.2f s CPU (user %s, sys %s)\n' "$run" "$crate" "$cpu" "$user" "$sys"
    done
done
echo "load after:  $(uptime)"

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The median of the runs, and beside it the ratio of the fastest runs (load only adds time).
minimum() { tr ' ' '\n' | sed '/^$/d' | sort -g | head -1; }
base=$(median <<<"${seconds[serde]}") bare=$(median <<<"${seconds[bare]}")
base_min=$(minimum <<<"${seconds[serde]}")
ratio() { awk -v m="$1" -v b="$2" 'BEGIN { printf "%.2f", m / b }'; }
echo
printf '%-36s %8s %8s %8s %8s  %s\n' crate 'median s' '× serde' '× bare' '(min: ×' 'runs (CPU s)'
printf '%-36s %8s %8s %8s %8s\n' '' '' '+ json' 'serde' 'serde+j)'
for i in "${!crates[@]}"; do
    crate=${crates[$i]}
    m=$(median <<<"${seconds[$crate]}")
    printf '%-36s %8.2f %8s %8s %8s  %s\n' "${names[$i]}" "$m" "$(ratio "$m" "$base")" \
        "$(ratio "$m" "$bare")" "$(ratio "$(minimum <<<"${seconds[$crate]}")" "$base_min")" \
        "${seconds[$crate]% }"
done

if $timings; then
    for i in "${!crates[@]}"; do
        crate=${crates[$i]}
        html=$(ls "$work/$crate"/target/cargo-timings/cargo-timing-*.html)
        mkdir -p "$work/timings"
        cp "$html" "$work/timings/$crate.html"
        echo
        echo "${names[$i]}, the -t build: per crate, CPU s (rustc wrapper) and wall s (--timings)"
        # The report's `UNIT_DATA` is pretty-printed JSON, one key a line; crate names there
        # have dashes where rustc's have underscores; build scripts are `build_script_build`.
        {
            awk '$3 != "___" { cpu[$3] += $1 + $2; n[$3]++ } END { for (k in cpu) print "cpu", k, cpu[k], n[k] }' \
                "$work/$crate/cpu.log"
            awk '/UNIT_DATA = \[/ { on = 1; next } on && /^\];/ { exit }
                on && /"name":/ { gsub(/[",]/, "", $2); gsub(/-/, "_", $2); name = $2 }
                on && /"target":/ { build = /build-script/ }
                on && /"duration":/ { gsub(/,/, "", $2); key = build ? "build_script_build" : name
                    t[key] += $2; n[key]++ }
                END { for (k in t) print "wall", k, t[k], n[k] }' "$html"
        } | awk '{ v[$1, $2] = $3; c[$1, $2] = $4; seen[$2] = 1 }
            END { for (k in seen) printf "%8.2f %8.2f  %s%s\n", v["cpu", k], v["wall", k], k,
                (c["wall", k] > 1 ? " ×" c["wall", k] : "") }' | sort -rn
    done
    echo
fi

for crate in "${crates[@]}"; do rm -rf "$work/$crate/target"; done
if $keep; then echo "kept $work"; else rm -rf "$work"; fi
