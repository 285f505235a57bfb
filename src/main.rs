//! Entry point of the WebAssembly front end: installs the panic hook and mounts the app.

fn main() {
    // Panic messages in the console for development and tests; a release build leaves the hook
    // (and the message formatting it keeps alive) out, as its size profile aborts on panic.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Mount in a task of its own, after the one that started the WebAssembly, so a slow phone
    // runs two shorter tasks instead of one long one and stays responsive in between.
    gazette::browser::after(0, || leptos::mount::mount_to_body(gazette::App));
}
