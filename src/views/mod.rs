//! The explorer's views. Each reads the shared state from context and changes it only through
//! it; none owns data of its own.

pub mod articles;
pub mod conflicts;
pub mod correct;
pub mod details;
pub mod exports;
pub mod graph;
pub mod graph_canvas;
pub mod later;
pub mod map;
pub mod notices;
pub mod reader;
pub mod table;
pub mod timeline;
pub mod topbar;
