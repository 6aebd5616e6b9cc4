//! Benchmarks of the letter: compose, compose + the letter lint, export
//! (DOCX) at 10, 200 and 2,000 questions, and check + compose + export together.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::date;

use foi_drafter::core::rules::Stage;
use foi_drafter::core::rules::lint::{LintInput, lint_letter};
use foi_drafter::core::synthetic::synthetic_case;
use foi_drafter::export::{Format, render};
use foi_drafter::session::letter::LetterSetup;

const SIZES: [usize; 3] = [10, 200, 2000];

fn compose(c: &mut Criterion) {
    let setup = LetterSetup::bundled();
    let mut group = c.benchmark_group("compose");
    for size in SIZES {
        let case = synthetic_case(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &case, |b, case| {
            b.iter(|| {
                setup
                    .compose(black_box(case), date(2026, 3, 27), false)
                    .blocks
                    .len()
            })
        });
    }
    group.finish();
}

fn compose_and_lint(c: &mut Criterion) {
    let setup = LetterSetup::bundled();
    let mut group = c.benchmark_group("compose_lint");
    for size in SIZES {
        let case = synthetic_case(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &case, |b, case| {
            b.iter(|| {
                let document = setup.compose(black_box(case), date(2026, 3, 27), false);
                lint_letter(
                    &document,
                    &LintInput {
                        case,
                        library: &setup.library,
                        authority: &setup.profile.profile.name,
                        stage: Stage::Final,
                        profile_found: setup.profile.found,
                    },
                )
                .len()
            })
        });
    }
    group.finish();
}

fn export_docx(c: &mut Criterion) {
    let setup = LetterSetup::bundled();
    let mut group = c.benchmark_group("export_docx");
    group.sample_size(20);
    for size in SIZES {
        let document = setup.compose(&synthetic_case(size), date(2026, 3, 27), false);
        group.bench_with_input(
            BenchmarkId::from_parameter(size),
            &document,
            |b, document| {
                b.iter(|| render(black_box(document), Format::Docx, None).map(|bytes| bytes.len()))
            },
        );
    }
    group.finish();
}

fn check_compose_export(c: &mut Criterion) {
    let setup = LetterSetup::bundled();
    let mut group = c.benchmark_group("check_compose_export_docx");
    group.sample_size(20);
    for size in SIZES {
        let case = synthetic_case(size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &case, |b, case| {
            b.iter(|| {
                let (assessment, document) = setup.check(case, date(2026, 3, 27), Stage::Final);
                (
                    assessment.findings.len(),
                    render(&document, Format::Docx, None).map(|b| b.len()),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    compose,
    compose_and_lint,
    export_docx,
    check_compose_export
);
criterion_main!(benches);
