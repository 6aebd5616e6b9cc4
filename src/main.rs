//! The `foi-drafter` binary: all logic lives in the library.

fn main() -> std::process::ExitCode {
    foi_drafter::cli::main_entry()
}
