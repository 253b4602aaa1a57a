#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(entente::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("entente is a browser app: build it with `trunk build` (see README); the command line is entente-cli");
}
