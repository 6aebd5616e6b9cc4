//! GUI frame time with the kittest harness (no GPU): one egui pass of the
//! real app with a 200-question case open, on the intake step (every
//! question listed) and on a walkthrough step.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;

use foi_drafter::core::synthetic::synthetic_case;
use foi_drafter::ui::{AppEnv, DrafterApp, ScriptedDialogs, Step};

fn app_with(questions: usize, step: Step, dir: &std::path::Path) -> Harness<'static, DrafterApp> {
    let env = AppEnv {
        config_dir: dir.join("config"),
        data_dir: dir.join("data"),
        today: jiff::civil::date(2026, 3, 20),
        dialogs: Box::new(ScriptedDialogs::new()),
        may_launch: false,
        result_wait: std::time::Duration::from_secs(30),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_| DrafterApp::new(env));
    harness.state_mut().open_case(synthetic_case(questions));
    harness.state_mut().show_step(step);
    harness.run_steps(3);
    harness
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("gui_frame_200_questions");
    for (name, step) in [
        ("intake", Step::Intake),
        ("walkthrough", Step::Question(4)),
        ("review", Step::Review),
    ] {
        let mut harness = app_with(200, step, dir.path());
        group.bench_function(name, |b| b.iter(|| harness.step()));
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("startup_to_first_frame");
    group.sample_size(10);
    group.bench_function("sample_case", |b| {
        b.iter(|| {
            let mut harness = app_with(7, Step::Intake, dir.path());
            harness.step();
        })
    });
    group.finish();
}

criterion_group!(benches, frames, startup);
criterion_main!(benches);
