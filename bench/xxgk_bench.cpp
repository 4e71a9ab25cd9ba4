// Throughput of the pipeline, stage by stage, against the cost of merely validating UTF-8.
//   usage: xxgk_bench [CORPUS_DIR] [MIN_SECONDS]
// Every *.txt under CORPUS_DIR is one report; each stage runs over all of them repeatedly for at
// least MIN_SECONDS, and the best pass is reported, in MB/s (10^6 input bytes per second) and
// reports per second.
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <sstream>

#include "backends.hpp"
#include "decode.hpp"
#include "parser.hpp"
#include "passes.hpp"
#include "pipeline.hpp"

namespace fs = std::filesystem;
using namespace xxgk;
using Clock = std::chrono::steady_clock;

namespace {

struct Report {
    std::string name, bytes;
};

std::vector<Report> load(const fs::path& dir) {
    std::vector<Report> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        out.push_back({e.path().filename().string(), std::move(ss).str()});
    }
    return out;
}

// Runs `pass` over every report until `min_seconds` have gone by; returns the fastest pass.
double best_seconds(const std::vector<Report>& reports, double min_seconds, const std::function<void(const Report&)>& pass) {
    double best = 1e30, total = 0;
    do {
        const auto t0 = Clock::now();
        for (const auto& r : reports) pass(r);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        best = std::min(best, s);
        total += s;
    } while (total < min_seconds);
    return best;
}

volatile std::size_t sink;  // keeps results alive so the optimiser cannot drop the work

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? argv[1] : "corpus";
    const double min_seconds = argc > 2 ? std::stod(argv[2]) : 2.0;
    const auto reports = load(dir);
    if (reports.empty()) {
        fmt::print(stderr, "xxgk_bench: no *.txt reports under {}\n", dir.string());
        return 2;
    }
    std::size_t bytes = 0;
    for (const auto& r : reports) bytes += r.bytes.size();

    // Inputs to the later stages, prepared once.
    std::vector<std::unique_ptr<source::SourceFile>> files;
    std::vector<source::NormalisedText> texts;
    std::vector<passes::Compilation> compiled;
    for (const auto& r : reports) {
        files.push_back(std::make_unique<source::SourceFile>(r.name, r.bytes));
        texts.push_back(source::normalise(r.bytes, source::decode(r.bytes).text_begin));
        compiled.push_back(passes::compile(r.name, r.bytes));
    }
    auto index_of = [&](const Report& r) { return static_cast<std::size_t>(&r - reports.data()); };

    struct Stage {
        std::string name;
        std::function<void(const Report&)> run;
    };
    const backends::RenderOptions options;
    const std::vector<Stage> stages = {
        {"baseline: UTF-8 validation", [&](const Report& r) { sink = source::decode(r.bytes).text_begin; }},
        {"decode + normalise", [&](const Report& r) { sink = source::normalise(r.bytes, source::decode(r.bytes).text_begin).text.size(); }},
        {"parse (grammar)", [&](const Report& r) {
             const auto i = index_of(r);
             sink = grammar::parse(*files[i], texts[i], tpl::template_2019()).sections.size();
         }},
        {"whole pipeline (compile)", [&](const Report& r) { sink = passes::compile(r.name, r.bytes).report.diagnostics.size(); }},
        {"backend: csv", [&](const Report& r) {
             std::ostringstream out;
             backends::write_csv_rows(out, compiled[index_of(r)].report, options);
             sink = out.tellp();
         }},
        {"backend: json", [&](const Report& r) {
             std::ostringstream out;
             backends::write_json(out, compiled[index_of(r)].report, options, false);
             sink = out.tellp();
         }},
    };

    fmt::print("{} reports, {:.1f} KB; best of repeated passes over at least {} s each\n\n", reports.size(),
               bytes / 1e3, min_seconds);
    fmt::print("{:<28} {:>10} {:>12} {:>12}\n", "stage", "MB/s", "reports/s", "ms/report");
    for (const auto& stage : stages) {
        const double s = best_seconds(reports, min_seconds, stage.run);
        fmt::print("{:<28} {:>10.1f} {:>12.0f} {:>12.3f}\n", stage.name, bytes / s / 1e6, reports.size() / s,
                   s * 1e3 / reports.size());
    }
    return 0;
}
