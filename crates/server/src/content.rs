//! What the site does with articles, below the HTTP layers: editors' HTML turned into blocks
//! ([`sanitize`]), the demo content ([`demo`]), view counting ([`views`]), rows presented as
//! the contract's types ([`present`]) and time formats ([`time_format`]).

pub mod demo;
pub mod present;
pub mod sanitize;
pub mod time_format;
pub mod views;
