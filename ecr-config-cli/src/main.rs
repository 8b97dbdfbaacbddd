//! `ecr-config`: checks AWS ECR integration configs against the settings model and reports
//! every problem, rustc-style or as JSON Lines. See `ecr-config check --help`.

fn main() -> std::process::ExitCode {
    ecr_config_cli::main()
}
