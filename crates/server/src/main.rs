//! `gazette-server`: runs the site, or fills a database with synthetic articles for benchmarks.

use clap::{Parser, Subcommand};
use gazette_server::content::demo;
use gazette_server::Config;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "gazette-server",
    version,
    about = "The Gazette news API and site server"
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default).
    Serve,
    /// Add synthetic articles to the database (for load tests), then exit.
    Synthetic {
        /// How many articles to add.
        #[arg(long, default_value_t = 100_000)]
        articles: u32,
    },
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => gazette_server::serve(cli.config).await,
        Command::Synthetic { articles } => match cli.config.location() {
            Ok(location) => demo::synthetic(&location, articles).await,
            Err(error) => Err(error.into()),
        },
    };
    if let Err(error) = result {
        eprintln!("gazette-server: {error}");
        std::process::exit(1);
    }
}
