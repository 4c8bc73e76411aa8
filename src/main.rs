/// mimalloc rather than glibc's allocator: a report is read into many small strings and vectors
/// that live only while it is checked, and glibc's malloc and free were a sixth of a batch's
/// instructions (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    jxlint::cli::main()
}
