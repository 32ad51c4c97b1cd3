//! A small HTTP/1.1 server on 127.0.0.1 for the feed tests: started by a
//! test, stopped when dropped, every loop bounded. Each connection gets its
//! own thread, so a reply that never ends (a silent or a slow server) holds
//! up nothing else; those replies stop when the server is dropped.

// The cli and pty binaries each use part of this.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
}

/// What the server answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this body and an ETag made from it; 304 when the request
    /// sends that ETag back.
    Feed(Vec<u8>),
    /// 200 with this gzip-compressed body, `Content-Encoding: gzip`.
    Gzip(Vec<u8>),
    /// 304 whatever was asked.
    NotModified,
    /// 302 to this location.
    Redirect(String),
    /// Accept and never answer.
    Silent,
    /// Headers, then one byte a second.
    Slow,
    /// 200 with a body that never ends (stops at 200 MB).
    Endless,
    Status(u16),
}

type Route = dyn Fn(&str) -> Reply + Send + Sync;

pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Vec<Seen>>>,
    thread: Option<JoinHandle<()>>,
}

/// Most connections one server takes before it stops accepting.
const MAX_CONNECTIONS: usize = 500;

impl Server {
    /// Serve `route(path)` for every request.
    pub fn start(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let route: Arc<Route> = Arc::new(route);
        let thread = {
            let (stop, seen) = (Arc::clone(&stop), Arc::clone(&seen));
            std::thread::spawn(move || {
                for stream in listener.incoming().take(MAX_CONNECTIONS) {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (stop, seen, route) =
                        (Arc::clone(&stop), Arc::clone(&seen), Arc::clone(&route));
                    std::thread::spawn(move || serve(stream, &*route, &seen, &stop));
                }
            })
        };
        Server {
            addr,
            stop,
            seen,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The requests seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The ETag the server gives a body.
pub fn etag_of(body: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in body {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{hash:016x}\"")
}

fn serve(stream: TcpStream, route: &Route, seen: &Mutex<Vec<Seen>>, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    // Keep-alive: several requests on one connection, bounded.
    for _ in 0..20 {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let mut headers = HashMap::new();
        for _ in 0..100 {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
        }
        let request = Seen {
            path: path.clone(),
            headers: headers.clone(),
        };
        seen.lock().unwrap().push(request);
        let ok = match route(&path) {
            Reply::Feed(body) => {
                let etag = etag_of(&body);
                if headers.get("if-none-match") == Some(&etag) {
                    write!(
                        out,
                        "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n"
                    )
                    .is_ok()
                } else {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nETag: {etag}\r\nLast-Modified: Mon, 05 Jan 2026 10:00:00 GMT\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    );
                    out.write_all(head.as_bytes())
                        .and_then(|()| out.write_all(&body))
                        .is_ok()
                }
            }
            Reply::Gzip(body) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                );
                out.write_all(head.as_bytes())
                    .and_then(|()| out.write_all(&body))
                    .is_ok()
            }
            Reply::NotModified => out
                .write_all(b"HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\n")
                .is_ok(),
            Reply::Redirect(to) => write!(
                out,
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n"
            )
            .is_ok(),
            Reply::Status(code) => {
                write!(out, "HTTP/1.1 {code} Nope\r\nContent-Length: 0\r\n\r\n").is_ok()
            }
            Reply::Silent => {
                wait_for_stop(stop, Duration::from_secs(60));
                return;
            }
            Reply::Slow => {
                let _ = out.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n",
                );
                for _ in 0..60 {
                    if stop.load(Ordering::SeqCst) || out.write_all(b"<").is_err() {
                        return;
                    }
                    wait_for_stop(stop, Duration::from_secs(1));
                }
                return;
            }
            Reply::Endless => {
                let _ = out.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n<rss version=\"2.0\"><channel><title>",
                );
                let chunk = vec![b'a'; 64 * 1024];
                for _ in 0..(200 * 16) {
                    if stop.load(Ordering::SeqCst) || out.write_all(&chunk).is_err() {
                        return;
                    }
                }
                return;
            }
        };
        if !ok {
            return;
        }
    }
}

/// Wait up to `limit` for the server to stop (checked every 50 ms).
fn wait_for_stop(stop: &AtomicBool, limit: Duration) {
    let start = Instant::now();
    while !stop.load(Ordering::SeqCst) && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(50));
    }
}
