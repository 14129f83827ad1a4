//! `f64` as its `Display` prints it (`format!("{x}")`: the shortest digits that read back as `x`,
//! without an exponent), computed with exact decimal arithmetic. The one message that prints a
//! number (an out-of-range threshold of `compare`) uses it, so core's float formatting, about
//! 9 KB of the gzipped `.wasm`, is left out of the module. The tests check it against `Display`.

/// `format!("{x}")`, exactly.
pub(crate) fn display(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if x == 0.0 {
        out.push('0');
        return out;
    }
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    // Every value strictly between `low` and `high` reads back as `x`, and so do the two bounds
    // when the mantissa is even (reading rounds half to even). In units of 2^(e-2): the gap
    // below a power of two is half the gap above it.
    let inclusive = m % 2 == 0;
    let below = if biased > 1 && fraction == 0 { 1 } else { 2 };
    let scale = e - 2;
    let high = decimal(4 * m + 2, scale);
    let len = high.len();
    let padded = |digits: Vec<u8>| {
        let mut out = vec![0; len - digits.len()];
        out.extend(digits);
        out
    };
    let value = padded(decimal(4 * m, scale));
    let low = padded(decimal(4 * m - below, scale));
    // The digits hold the number times 10^shift.
    let shift = usize::try_from(-scale).unwrap_or(0);

    // The fewest leading digits `i` whose truncation (`floor`) or that plus one unit in the last
    // kept place (`ceil`) lies within the bounds; of the two, the nearer, ties up.
    let first = value.iter().position(|&d| d != 0).unwrap_or(0);
    let mut chosen = value.clone();
    for i in first + 1..=len {
        let mut floor = value.clone();
        floor[i..].fill(0);
        let exact = value[i..].iter().all(|&d| d == 0);
        let floor_ok = floor > low || (inclusive && floor == low);
        let ceil = if exact { None } else { plus_unit(&floor, i) };
        let ceil_ok = ceil
            .as_ref()
            .is_some_and(|c| *c < high || (inclusive && *c == high));
        let pick_ceil = match (floor_ok, ceil_ok) {
            (true, true) => {
                let mut half = vec![0; len - i];
                half[0] = 5;
                value[i..] >= half[..]
            }
            (false, true) => true,
            (true, false) => false,
            (false, false) => continue,
        };
        chosen = if pick_ceil {
            ceil.unwrap_or(floor)
        } else {
            floor
        };
        break;
    }

    // Digits and the decimal point, without an exponent.
    let point = chosen.len().saturating_sub(shift);
    let whole: String = chosen[..point]
        .iter()
        .skip_while(|&&d| d == 0)
        .map(|&d| char::from(b'0' + d))
        .collect();
    let mut part: Vec<u8> = vec![0; shift.saturating_sub(chosen.len())];
    part.extend_from_slice(&chosen[point..]);
    while part.last() == Some(&0) {
        part.pop();
    }
    out.push_str(if whole.is_empty() { "0" } else { &whole });
    if !part.is_empty() {
        out.push('.');
        out.extend(part.iter().map(|&d| char::from(b'0' + d)));
    }
    out
}

/// The decimal digits (most significant first) of `v * 2^scale` times `10^-scale` when `scale`
/// is negative, that is of `v * 5^-scale`: exact in either case.
fn decimal(v: u64, scale: i32) -> Vec<u8> {
    // Little-endian limbs of nine decimal digits.
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![v % BASE, v / BASE % BASE, v / BASE / BASE];
    let (factor, times) = if scale >= 0 { (2, scale) } else { (5, -scale) };
    for _ in 0..times {
        let mut carry = 0;
        for limb in &mut limbs {
            let product = *limb * factor + carry;
            *limb = product % BASE;
            carry = product / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut digits = Vec::with_capacity(limbs.len() * 9);
    for limb in limbs.iter().rev() {
        let mut limb = *limb;
        let mut nine = [0u8; 9];
        for d in nine.iter_mut().rev() {
            *d = (limb % 10) as u8;
            limb /= 10;
        }
        digits.extend_from_slice(&nine);
    }
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    digits.drain(..first);
    digits
}

/// `digits` plus one in place `i - 1` (the last kept digit), or `None` when it carries out.
fn plus_unit(digits: &[u8], i: usize) -> Option<Vec<u8>> {
    let mut out = digits.to_vec();
    for d in out[..i].iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::display;

    fn check(x: f64) {
        assert_eq!(display(x), format!("{x}"), "bits {:#x}", x.to_bits());
    }

    #[test]
    fn special_and_simple_values() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            0.5,
            1.5,
            0.1,
            0.3,
            -0.25,
            1.01,
            100.0,
            1e21,
            1e22,
            1e23,
            123456789.125,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff),
            9007199254740992.0,
            9007199254740993.0,
            0.1 + 0.2,
        ] {
            check(x);
        }
    }

    #[test]
    fn powers_of_two_and_ten() {
        for k in -1074..=1023 {
            check(2f64.powi(k));
            check(-(2f64.powi(k)) * 3.0);
        }
        for k in -323..=308 {
            let x: f64 = format!("1e{k}").parse().unwrap();
            check(x);
            check(x * 7.0);
        }
    }

    #[test]
    fn halfway_cases() {
        // Between 2^50 and 2^51 the gap is 0.25: x.25 and x.75 lie halfway between two
        // 17-digit decimals that both read back as x.
        let base = 2f64.powi(50);
        for k in 0..4000u32 {
            check(base + f64::from(k) * 0.25);
            check(base * 1.5 + f64::from(k) * 0.25);
        }
    }

    #[test]
    fn random_bit_patterns() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            check(x);
            // Short decimals, as people type them.
            let short = (state % 100_000) as f64 / 10f64.powi((state >> 40) as i32 % 6);
            check(short);
            check(-short - 1.0);
        }
    }
}
