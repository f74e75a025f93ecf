//! The `site` binary: serves the OMA SpecWorks site compiled into it.

use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// The OMA SpecWorks site, compiled into one binary.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// `serve`'s options, so that `site --addr …` serves too.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site over HTTP (the default command).
    Serve(ServeArgs),
    /// Write every page, asset, `.br`/`.gz` variant and the sitemap to DIR, byte for byte as
    /// served, for a static host or CDN.
    Export {
        /// The folder to write to (created if missing).
        dir: PathBuf,
    },
    /// Check a content folder as the build does: YAML, components, props, links, anchors,
    /// images, icons. Prints every problem and exits non-zero on errors.
    Check(CheckArgs),
    /// Preview a content folder while writing it: pages render at run time, with the build's
    /// checks, and open browser tabs reload when a file changes. Errors show in the page.
    #[cfg(feature = "dev")]
    Dev(DevArgs),
    /// Add the icons a content folder names but has not got to its `icons.json`, from the
    /// Iconify sets' npm packages (`@iconify-json/SET`, with their licences). Writes nothing
    /// when nothing is missing; reports names no set has, with the nearest name a set has.
    #[cfg(feature = "icons")]
    Icons(IconsArgs),
}

#[cfg(feature = "icons")]
#[derive(Args)]
struct IconsArgs {
    /// Read the packages from DIR, laid out as `npm install` lays out `node_modules`
    /// (`DIR/@iconify-json/SET/icons.json`, `DIR/@iconify/collections/collections.json`),
    /// instead of from the npm registry: for working offline, and for tests.
    #[arg(long, value_name = "DIR")]
    packages: Option<PathBuf>,
    /// Add the icons the compiler's own code draws (`SITE_ICONS`) to the compiler's icon file
    /// in the source tree this binary was built from, instead of a content folder's: for
    /// changing the compiler.
    #[arg(long, conflicts_with = "dir")]
    compiler: bool,
    /// The content folder; its icon file is `DIR/icons.json`.
    #[arg(default_value = "content")]
    dir: PathBuf,
}

#[cfg(feature = "dev")]
#[derive(Args)]
struct DevArgs {
    /// The address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Report problems as warnings, listed over every page, and render every page.
    #[arg(long)]
    lenient: bool,
    /// Serve the pages under this path (`/docs`), as the macro's `base` option does.
    #[arg(long, value_name = "PATH", default_value = "/", value_parser = base_path)]
    base: String,
    /// Build as for authors who are not trusted, as the macro's `untrusted` option and `site
    /// check --untrusted` do: raw HTML sanitised, what can run a script removed, with a warning.
    #[arg(long)]
    untrusted: bool,
    /// The content folder.
    #[arg(default_value = "content")]
    dir: PathBuf,
}

/// A `--base` value, checked as the macro checks its `base` option.
#[cfg(feature = "dev")]
fn base_path(base: &str) -> Result<String, String> {
    site_compiler::base_path(base)
}

#[derive(Args)]
struct CheckArgs {
    /// Report problems as errors (the default).
    #[arg(long, conflicts_with = "lenient")]
    strict: bool,
    /// Report problems as warnings: only unreadable content fails.
    #[arg(long)]
    lenient: bool,
    /// Check as for authors who are not trusted: raw HTML sanitised, only http, https, mailto
    /// and relative URLs, a few known embeds; what can run a script is removed, with a warning.
    #[arg(long)]
    untrusted: bool,
    /// The content folder.
    #[arg(default_value = "content")]
    dir: PathBuf,
}

#[derive(Args)]
struct ServeArgs {
    /// The address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The most connections one client IP address may hold at once; more are answered 503.
    #[arg(long, value_name = "N",
          default_value_t = site::serve::Limits::default().max_connections_per_address)]
    max_connections_per_ip: NonZeroUsize,
}

// The server runs its own runtime per core; this one only waits for the signal.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // One line per request at debug level: `RUST_LOG=debug site`.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Serve(ServeArgs {
            addr,
            max_connections_per_ip,
        }) => {
            let limits = site::serve::Limits {
                max_connections_per_address: max_connections_per_ip,
                ..site::serve::Limits::default()
            };
            match site::serve::serve(&site::SITE, addr, &limits).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("error: cannot serve the site on {addr}: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check(CheckArgs {
            lenient,
            untrusted,
            dir,
            ..
        }) => {
            let checks = site::check::Checks { lenient, untrusted };
            match site::check::check(&dir, checks, &mut std::io::stdout()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(error) => {
                    eprintln!("error: cannot check {}: {error}", dir.display());
                    ExitCode::from(2)
                }
            }
        }
        #[cfg(feature = "dev")]
        Command::Dev(DevArgs {
            addr,
            lenient,
            base,
            untrusted,
            dir,
        }) => match site::dev::serve(
            &dir,
            addr,
            &site::dev::Preview {
                lenient,
                base_path: base,
                untrusted,
            },
        )
        .await
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot preview {} on {addr}: {error}", dir.display());
                ExitCode::FAILURE
            }
        },
        #[cfg(feature = "icons")]
        Command::Icons(IconsArgs {
            packages,
            compiler,
            dir,
        }) => {
            use site::icons::{Packages, compiler_icon_file};
            let packages = packages.map_or(Packages::Registry, Packages::Folder);
            let report = if compiler {
                site::icons::add_compiler_icons(&compiler_icon_file(), &packages)
            } else {
                site::icons::add_content_icons(&dir, &packages)
            };
            match report {
                Ok(report) => {
                    print!("{report}");
                    if report.not_found.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::FAILURE
                    }
                }
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Export { dir } => {
            match site::export::export(&site::SITE, &dir, &mut std::io::stderr()) {
                Ok(summary) => {
                    println!(
                        "Exported {} files ({} bytes) to {}",
                        summary.files,
                        summary.bytes,
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!(
                        "error: cannot export the site to {}: {error}",
                        dir.display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
    }
}
