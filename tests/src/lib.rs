//! Integration and UI tests for ecr-config.
