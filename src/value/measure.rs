//! Measures: an amount with a unit of measure ("4.400 MW", "4,4 GW", "308 tỷ kWh",
//! "519 km", "170 Mt"), read in the base unit of its quantity so that any two writings
//! of one measure compare: 4.4 GW and 4,400 MW are both 4.4e9 W.
//!
//! The units are fixed here, by symbol; the language packs map the words and symbols
//! copy writes (`[units]`: "megawatt", "mê-ga-oát", "Kubikmeter") to these symbols.

use regex::Captures;

use super::interval::{Hedge, Interval, Quantity};
use super::number::parse_amount;
use super::quantity::{err, hedge_of};
use super::{Value, ValueError, cap, lookup};
use crate::lang::LangPack;

/// A unit of measure: its symbol, the base unit of its quantity, and its size in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    /// The symbol rules and packs write ("MW").
    pub symbol: &'static str,
    /// The base unit its measures are read in ("W").
    pub base: &'static str,
    /// How many base units one of it is (1e6).
    pub size: f64,
}

const fn unit(symbol: &'static str, base: &'static str, size: f64) -> Unit {
    Unit { symbol, base, size }
}

/// Every unit a measure may be written in, by quantity; the base unit first.
pub(crate) const UNITS: &[Unit] = &[
    // Power, and the peak power of solar plants.
    unit("W", "W", 1.0),
    unit("kW", "W", 1e3),
    unit("MW", "W", 1e6),
    unit("GW", "W", 1e9),
    unit("TW", "W", 1e12),
    unit("kWp", "W", 1e3),
    unit("MWp", "W", 1e6),
    unit("GWp", "W", 1e9),
    // Energy.
    unit("Wh", "Wh", 1.0),
    unit("kWh", "Wh", 1e3),
    unit("MWh", "Wh", 1e6),
    unit("GWh", "Wh", 1e9),
    unit("TWh", "Wh", 1e12),
    // Length, and depths of rain: a litre per square metre is a millimetre.
    unit("m", "m", 1.0),
    unit("km", "m", 1e3),
    unit("cm", "m", 1e-2),
    unit("mm", "m", 1e-3),
    unit("l/m2", "m", 1e-3),
    // Area.
    unit("m2", "m2", 1.0),
    unit("ha", "m2", 1e4),
    unit("km2", "m2", 1e6),
    // Mass, in tonnes.
    unit("t", "t", 1.0),
    unit("kg", "t", 1e-3),
    unit("kt", "t", 1e3),
    unit("Mt", "t", 1e6),
    // Volume.
    unit("m3", "m3", 1.0),
    unit("bcm", "m3", 1e9),
    // Speed.
    unit("km/h", "km/h", 1.0),
    unit("m/s", "km/h", 3.6),
    unit("mph", "km/h", 1.609_344),
    // Flow of a river.
    unit("m3/s", "m3/s", 1.0),
    // Time, in seconds: durations shorter than a day (a count reads days and longer).
    unit("s", "s", 1.0),
    unit("min", "s", 60.0),
    unit("h", "s", 3600.0),
];

/// The unit of symbol `symbol`, compared without case ("mw" is MW: no milliwatts in
/// the news), but "Mt" (megatonnes) and "m" keep theirs apart by the table's order.
pub(crate) fn by_symbol(symbol: &str) -> Option<Unit> {
    UNITS
        .iter()
        .find(|u| u.symbol == symbol)
        .or_else(|| UNITS.iter().find(|u| u.symbol.eq_ignore_ascii_case(symbol)))
        .copied()
}

/// Whether `unit` is the base unit of a quantity ("W", "Wh", "m").
pub(crate) fn is_base(unit: &str) -> bool {
    UNITS.iter().any(|u| u.base == unit)
}

/// Whether `symbol` is a unit of time (seconds, minutes, hours).
pub(crate) fn is_time(symbol: &str) -> bool {
    by_symbol(symbol).is_some_and(|u| u.base == TIME_BASE)
}

/// The base unit of time.
pub(crate) const TIME_BASE: &str = "s";

/// The size in seconds of the unit of time a pack's `word` names ("giờ": 3600).
pub(crate) fn seconds_in(word: &str, pack: &LangPack) -> Option<f64> {
    let unit = by_symbol(&lookup(&pack.units, word)?)?;
    (unit.base == TIME_BASE).then_some(unit.size)
}

/// The unit of time an English word names, as facts may write it ("108 minutes",
/// "2 hours").
pub(crate) fn time_unit_named(word: &str) -> Option<Unit> {
    let en = crate::lang::pack("en")?;
    let symbol = lookup(&en.units, &word.to_lowercase())?;
    by_symbol(&symbol).filter(|u| u.base == TIME_BASE)
}

/// The symbols of every unit.
pub(crate) fn symbols() -> impl Iterator<Item = &'static str> {
    UNITS.iter().map(|u| u.symbol)
}

/// A measure: an amount (with an optional scale word: "308 tỷ kWh"), or a range of
/// two ("6.000 bis 17.032 MW"), and a unit word of the pack, read in the unit's base. A bare amount is rounded as a plain number
/// is (by at most 5%); its trailing zeros count when `zeros_significant`.
pub(crate) fn measure(
    caps: &Captures,
    pack: &LangPack,
    zeros_significant: bool,
) -> Result<Value, ValueError> {
    let Some(word) = cap(caps, "unit").or_else(|| cap(caps, "timeunit")) else {
        return Err(err("a measure needs a unit"));
    };
    let Some(symbol) = lookup(&pack.units, word) else {
        return Err(err(format!("unknown unit {word:?}")));
    };
    let Some(unit) = by_symbol(&symbol) else {
        return Err(err(format!("the pack maps {word:?} to no known unit")));
    };
    let Some(text) = cap(caps, "amount") else {
        return Err(err("a measure needs an amount"));
    };
    let Some(amount) = parse_amount(text, pack, false, zeros_significant) else {
        return Err(err(format!("cannot read the amount {text:?}")));
    };
    if let Some(lower) = cap(caps, "num") {
        // "6.000 bis 17.032 Megawatt", "183.291-236.363 MW".
        let range = super::money::range(lower, text, &amount, pack, Some(unit.base.into()))?;
        return Ok(Value::Measure(in_base(range, unit.size)));
    }
    let hedge = hedge_of(caps, pack);
    if let Some(smaller) = smaller_time_part(caps, pack)? {
        // "1 hour and 48 minutes": exact to the smaller unit.
        let seconds = amount.nominal * unit.size + smaller.seconds;
        let half = smaller.unit_size / 2.0;
        return Ok(Value::Measure(Quantity::new(
            seconds,
            Interval::new(seconds - half, seconds + half),
            hedge,
            Some(TIME_BASE.to_string()),
            false,
        )));
    }
    // Like a plain number: "4.000 MW" is 3,800–4,200 MW, "4 GW" 3.5–4.5 GW.
    let rounding = if hedge == Hedge::None && amount.scale == 1.0 {
        super::money::bare_rounding(&amount)
    } else {
        amount.rounding
    };
    let written = Quantity::new(
        amount.nominal,
        rounding,
        hedge,
        Some(unit.base.to_string()),
        false,
    );
    Ok(Value::Measure(in_base(written, unit.size)))
}

/// The smaller part of a compound duration ("22 hours" of "7 days and 22 hours").
pub(crate) struct SmallerTimePart {
    /// Its length in seconds.
    pub seconds: f64,
    /// The size of its unit in seconds: the duration is exact to it.
    pub unit_size: f64,
}

/// The smaller part of a compound duration a template captured (`{int2}
/// {timeunit2}`, or `{int2} {timeunit}` after days), if any.
pub(crate) fn smaller_time_part(
    caps: &Captures,
    pack: &LangPack,
) -> Result<Option<SmallerTimePart>, ValueError> {
    let Some(count) = cap(caps, "int2") else {
        return Ok(None);
    };
    let word = cap(caps, "timeunit2")
        .or_else(|| cap(caps, "timeunit").filter(|_| cap(caps, "dayunit").is_some()))
        .ok_or_else(|| err("the smaller part of a duration needs a unit of time"))?;
    let unit_size =
        seconds_in(word, pack).ok_or_else(|| err(format!("{word:?} is no unit of time")))?;
    let n = super::number::parse_num(count, pack)
        .ok_or_else(|| err(format!("cannot read the number {count:?}")))?;
    Ok(Some(SmallerTimePart {
        seconds: n.value * unit_size,
        unit_size,
    }))
}

/// `q`, written in a unit `size` base units large, in the base unit.
fn in_base(q: Quantity, size: f64) -> Quantity {
    let scale = |x: f64| super::interval::tidy(x * size);
    Quantity {
        nominal: scale(q.nominal),
        interval: q.interval.map_bounds(scale),
        ..q
    }
}

/// The unit a measure of `amount` base units `base` is shown in, as people write
/// it: the largest unit of that quantity it is at least one of ("4.4 GW", "519 km",
/// "308 TWh"), or for time the largest it is a whole or half number of ("108 min");
/// `None` when `base` is no base unit. Peak power, bcm and the units of other
/// systems or of one use (rain in litres per square metre, wind in metres per second,
/// miles per hour) are not shown.
pub(crate) fn shown_in(amount: f64, base: &str) -> Option<Unit> {
    const NOT_SHOWN: [&str; 4] = ["bcm", "l/m2", "m/s", "mph"];
    let units = UNITS
        .iter()
        .filter(|u| u.base == base && !u.symbol.ends_with('p') && !NOT_SHOWN.contains(&u.symbol));
    // Time reads best in the largest unit it is a whole or half number of ("108
    // min", "97.5 min", "2 h", "30 s"), not "1.8 h".
    let whole = |u: &&Unit| {
        let halves = 2.0 * amount / u.size;
        (halves - halves.round()).abs() < 1e-9
    };
    let time_whole = units
        .clone()
        .filter(|u| base == TIME_BASE && amount.abs() >= u.size)
        .filter(whole)
        .max_by(|a, b| a.size.total_cmp(&b.size));
    if time_whole.is_some() {
        return time_whole.copied();
    }
    units
        .clone()
        .filter(|u| amount.abs() >= u.size)
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .or_else(|| units.min_by(|a, b| a.size.total_cmp(&b.size)))
        .copied()
}
