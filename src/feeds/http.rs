//! One conditional GET of a feed, with every limit a hostile or broken
//! server needs: `http`/`https` only, a connect timeout and a whole-feed
//! timeout (redirects and body included, so a server sending 1 byte a
//! second is cut off), a size cap (after gzip, so a small bomb is too), at
//! most [`MAX_REDIRECTS`] redirects. ureq with rustls; `HTTPS_PROXY`,
//! `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` are honoured.

use crate::i18n::t;
use std::time::Duration;

use ureq::Agent;

/// The largest feed read: 50 MB, after decompression.
pub const MAX_BYTES: u64 = 50_000_000;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;
/// Longest a connection may take to open (DNS, TCP, TLS), unless the whole
/// feed's timeout is shorter.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// What a server said last time, sent back so that an unchanged feed costs
/// one small answer (304).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A server's answer.
#[derive(Debug)]
pub enum Got {
    /// 200: the body, and the validators to send next time.
    Body(Vec<u8>, Validators),
    /// 304 to a request that sent validators.
    NotModified,
}

/// The client every feed of one fetch shares.
#[derive(Debug, Clone)]
pub struct Client {
    agent: Agent,
    timeout: Duration,
}

impl Client {
    /// A client whose requests each take at most `timeout`, all told.
    pub fn new(timeout: Duration) -> Client {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .max_redirects_will_error(true)
            .timeout_global(Some(timeout))
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .user_agent(super::user_agent())
            .proxy(ureq::Proxy::try_from_env())
            .build()
            .into();
        Client { agent, timeout }
    }

    /// GET `url`, sending `validators`. The error says why in words.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Got, String> {
        if !crate::config::is_web_url(url) {
            return Err(t!("feeds.not_web_url"));
        }
        let mut request = self.agent.get(url).header(
            "Accept",
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
        );
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(since) = &validators.last_modified {
            request = request.header("If-Modified-Since", since);
        }
        let mut response = request.call().map_err(|e| self.reason(&e))?;
        let status = response.status().as_u16();
        match status {
            200 => {}
            304 if validators.is_empty() => {
                return Err(t!("feeds.unasked_304"));
            }
            304 => return Ok(Got::NotModified),
            _ => {
                let reason = response.status().canonical_reason().unwrap_or("");
                let answer = format!("{status} {reason}");
                return Err(t!("feeds.answered", status = answer.trim_end()));
            }
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty() && !v.contains(crate::text::is_unsafe))
        };
        let fresh = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_vec()
            .map_err(|e| self.reason(&e))?;
        Ok(Got::Body(body, fresh))
    }

    fn reason(&self, error: &ureq::Error) -> String {
        use ureq::Error;
        let seconds = self.timeout.as_secs_f64();
        match error {
            Error::Timeout(ureq::Timeout::Connect) => t!("feeds.no_connection"),
            Error::Timeout(_) => t!("feeds.timeout", seconds = seconds),
            Error::TooManyRedirects => t!("feeds.redirects", n = MAX_REDIRECTS),
            Error::RedirectFailed => t!("feeds.redirect_failed"),
            Error::BodyExceedsLimit(_) => t!("feeds.too_large", mb = MAX_BYTES / 1_000_000),
            Error::HostNotFound => t!("feeds.host_not_found"),
            Error::ConnectionFailed => t!("feeds.cannot_connect"),
            Error::BadUri(uri) => t!(
                "feeds.bad_url",
                url = crate::text::escape(uri, crate::text::Notation::Message)
            ),
            other => {
                crate::text::escape(&other.to_string(), crate::text::Notation::Message).into_owned()
            }
        }
    }
}

/// The host (and port) of a URL: what requests are spaced by, and a name
/// for a feed that has none.
pub fn host_of(url: &str) -> &str {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
}
