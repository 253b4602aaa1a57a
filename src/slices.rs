//! Long work on the page's main thread, cut into slices: between two slices the browser draws
//! and handles input, so no task of the page is long however large the library.
//!
//! ```ignore
//! let mut slices = Slices::new();
//! for item in items {
//!     work(item);
//!     if slices.over() { progress(); slices.pause().await; }
//! }
//! ```

/// How long a slice runs before it lets the browser in (a long task is one over 50 ms).
const SLICE_MS: f64 = 30.0;

pub struct Slices {
    started: f64,
}

impl Slices {
    pub fn new() -> Slices {
        Slices { started: now() }
    }

    /// Whether the current slice has run its time.
    pub fn over(&self) -> bool {
        now() - self.started > SLICE_MS
    }

    /// Ends the slice: resolves in a later task, then starts the next slice.
    pub async fn pause(&mut self) {
        let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.started = now();
    }

    /// Pauses if the slice is over.
    pub async fn tick(&mut self) {
        if self.over() {
            self.pause().await;
        }
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
