//! Benchmarks of the core: loading, checking and deadlines, at 10, 200 and
//! 2,000 questions. Run with `cargo bench`; `scripts/bench-summary.sh` prints
//! one table.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::date;

use foi_drafter::core::calendar::{HolidayCalendar, WorkingCalendar, add_working_days};
use foi_drafter::core::case::Regime;
use foi_drafter::core::case_file::{parse_case, write_case};
use foi_drafter::core::catalogue::Catalogues;
use foi_drafter::core::rules::{Context, Stage, assess};
use foi_drafter::core::synthetic::synthetic_case;

const SIZES: [usize; 3] = [10, 200, 2000];

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for size in SIZES {
        let text = write_case(&synthetic_case(size));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| parse_case(black_box(text)).map(|case| case.questions.len()))
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let holidays = HolidayCalendar::bundled();
    let context = Context {
        catalogues: Catalogues::bundled(),
        holidays: &holidays,
        today: date(2026, 3, 27),
        stage: Stage::Final,
        cost_limit_hours: None,
        letter_date: None,
        inference: foi_drafter::core::rules::inference::Vocabulary::bundled(),
        public_record: foi_drafter::core::rules::public_record::PublicRecord::bundled(),
    };
    let mut group = c.benchmark_group("check");
    for size in SIZES {
        let case = synthetic_case(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &case, |b, case| {
            b.iter(|| assess(black_box(case), &context).findings.len())
        });
    }
    group.finish();
}

fn deadlines(c: &mut Criterion) {
    let holidays = HolidayCalendar::bundled();
    let calendar = WorkingCalendar::for_regime(&holidays, Regime::Foia);
    let start = date(2014, 1, 1);
    c.bench_function("deadlines/100000", |b| {
        b.iter(|| {
            let mut last = start;
            for offset in 0..100_000i32 {
                let received = start
                    .checked_add(jiff::Span::new().days(offset % 6000))
                    .unwrap_or(start);
                if let Ok(deadline) = add_working_days(&calendar, received, 20, &[]) {
                    last = deadline.due;
                }
            }
            last
        })
    });
}

/// The NCND text rules alone: what the requester learns, refusals that
/// confirm, and the public record.
fn ncnd_text(c: &mut Criterion) {
    use foi_drafter::core::rules::inference::{
        Vocabulary, refusals_that_confirm, what_the_requester_learns,
    };
    use foi_drafter::core::rules::public_record::{PublicRecord, officially_confirmed};
    let vocabulary = Vocabulary::bundled();
    let mut group = c.benchmark_group("ncnd_text");
    for size in SIZES {
        let case = synthetic_case(size);
        group.bench_with_input(BenchmarkId::new("learns", size), &case, |b, case| {
            b.iter(|| what_the_requester_learns(black_box(case), vocabulary).len())
        });
        group.bench_with_input(BenchmarkId::new("refusals", size), &case, |b, case| {
            b.iter(|| refusals_that_confirm(black_box(case), vocabulary).len())
        });
        group.bench_with_input(BenchmarkId::new("record", size), &case, |b, case| {
            b.iter(|| {
                officially_confirmed(black_box(case), PublicRecord::bundled(), vocabulary).len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load, check, deadlines, ncnd_text);
criterion_main!(benches);
