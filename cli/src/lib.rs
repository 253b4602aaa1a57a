//! The Entente core on the command line: extraction to JSON and event tables, evaluation
//! against gold standards, benchmarks, and the build of the embedded dictionaries. A library
//! too, so the gold tests in tests/ run the same scorers as `entente-cli eval`.

pub mod bench;
pub mod bench_layout;
pub mod build_data;
pub mod debug;
pub mod eval;
pub mod snapshot;
pub mod table;
