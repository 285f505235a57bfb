//! Writes a photo-like JPEG for the picture benchmark: `cargo run --release -p
//! gazette-pictures --example photo -- OUT.jpg [WIDTH HEIGHT]` (default 4000 × 3000, 12 MP),
//! with gradients and noise so it compresses like a photograph, not like a flat test card.

use image::{Rgb, RgbImage};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: photo OUT.jpg [WIDTH HEIGHT]");
        std::process::exit(2);
    };
    let width: u32 = args.next().and_then(|w| w.parse().ok()).unwrap_or(4000);
    let height: u32 = args.next().and_then(|h| h.parse().ok()).unwrap_or(3000);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let photo = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let noise = (seed % 48) as i32 - 24;
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let wave = ((fx * 23.0).sin() * (fy * 17.0).cos() * 60.0) as i32;
        let channel = |base: f32| (base as i32 + wave + noise).clamp(0, 255) as u8;
        Rgb([
            channel(90.0 + 120.0 * fx),
            channel(110.0 + 80.0 * fy),
            channel(160.0 - 90.0 * fx * fy),
        ])
    });
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&out).expect("cannot create the output file"),
    );
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut file, 90)
        .encode_image(&photo)
        .expect("cannot encode the photo");
    println!("{out}: {width} × {height}");
}
