use ecr_config::checked;
use ecr_config::ecr::{ReadConfig, Region};

fn main() {
    let _ = checked!(ReadConfig {
        region: Some(Region::UsEast1),
        ..Default::default()
    });
}
