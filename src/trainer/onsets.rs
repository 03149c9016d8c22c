//! Finding clicks in rendered audio, for the metronome's accuracy test and
//! benchmark: the audio graph is rendered offline, and each click's onset
//! — the first sample whose magnitude reaches a threshold after a stretch
//! of quiet — is compared with the ideal beat time in samples.
//!
//! Fed in chunks, so a ten-minute render never has to sit in memory at once.

/// Finds onsets in a stream of samples.
#[derive(Debug, Clone)]
pub struct OnsetDetector {
    threshold: f32,
    /// Samples below the threshold needed before a new onset counts.
    quiet: u64,
    /// Position of the next sample fed.
    pos: u64,
    /// Position of the last sample at or above the threshold.
    last_loud: Option<u64>,
}

impl OnsetDetector {
    /// `threshold` in sample units (clicks start at full level, so half of it
    /// separates them from silence and from their own decay); `quiet` in
    /// samples (shorter than the gap between two clicks, longer than one).
    pub fn new(threshold: f32, quiet: u64) -> Self {
        OnsetDetector {
            threshold,
            quiet,
            pos: 0,
            last_loud: None,
        }
    }

    /// Feeds the next samples; returns the onsets among them (sample
    /// indices from the start of the stream).
    pub fn feed(&mut self, chunk: &[f32]) -> Vec<u64> {
        let mut out = Vec::new();
        for &x in chunk {
            if x.abs() >= self.threshold {
                if self.last_loud.is_none_or(|l| self.pos - l > self.quiet) {
                    out.push(self.pos);
                }
                self.last_loud = Some(self.pos);
            }
            self.pos += 1;
        }
        out
    }
}

/// Errors of onsets (sample indices) against ideal times (seconds) at a
/// sample rate, paired in order: `(max |error|, mean |error|)` in samples,
/// or `None` when the counts differ (a lost or extra click).
pub fn grid_error(onsets: &[u64], ideal_s: &[f64], sample_rate: f64) -> Option<(f64, f64)> {
    if onsets.len() != ideal_s.len() || onsets.is_empty() {
        return None;
    }
    let errors: Vec<f64> = onsets
        .iter()
        .zip(ideal_s)
        .map(|(&o, &t)| (o as f64 - t * sample_rate).abs())
        .collect();
    let max = errors.iter().copied().fold(0.0, f64::max);
    Some((max, errors.iter().sum::<f64>() / errors.len() as f64))
}
