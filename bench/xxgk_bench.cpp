// Throughput of the pipeline, stage by stage, single-threaded and on -j workers, against two
// baselines measured on the same text in the same run: a UTF-8-validating line scan (the physical
// limit: every byte read once) and PEGTL on a trivial line grammar.
//   usage: xxgk_bench [--seconds S] [--sample N] [--jobs J] CORPUS_DIR
// Every *.txt under CORPUS_DIR is one report (bench/make_corpus.py builds a large varied corpus;
// corpus/ works too). At most N of them are loaded (default 4000), spread over the whole set.
// Each stage runs over the loaded reports repeatedly for at least S seconds (default 2) and the
// fastest pass counts. MB/s are 10^6 input bytes per second, whatever the stage produces.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <numeric>
#include <sstream>
#include <tao/pegtl.hpp>
#include <thread>

#include "backends.hpp"
#include "batch.hpp"
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

std::vector<Report> load(const fs::path& dir, std::size_t most) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    // Every k-th file, so that a sample of a generated corpus has every source and variation.
    const std::size_t step = std::max<std::size_t>(1, paths.size() / std::max<std::size_t>(1, most));
    std::vector<Report> out;
    for (std::size_t i = 0; i < paths.size() && out.size() < most; i += step) {
        std::ifstream in(paths[i], std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        out.push_back({paths[i].string(), std::move(ss).str()});
    }
    return out;
}

// The physical limit: every byte looked at once, UTF-8 validated (overlong forms, surrogates and
// code points beyond U+10FFFF refused) and lines counted, as `wc -lm` does.
std::size_t utf8_line_scan(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    std::size_t lines = 0;
    while (p < end) {
        // Eight ASCII bytes at a time.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                const std::uint64_t newlines = word ^ 0x0a0a0a0a0a0a0a0aull;
                lines += static_cast<std::size_t>(
                    __builtin_popcountll((newlines - 0x0101010101010101ull) & ~newlines & 0x8080808080808080ull));
                p += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            lines += c == '\n';
            ++p;
            continue;
        }
        int n;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) n = 2, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4) n = 3, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
        else return 0;
        if (end - p <= n || p[1] < low || p[1] > high) return 0;
        for (int k = 2; k <= n; ++k)
            if ((p[k] & 0xC0) != 0x80) return 0;
        p += n + 1;
    }
    return lines + 1;
}

// PEGTL's own speed on the simplest grammar that reads the same text: lines of UTF-8 code points.
namespace line_grammar {
namespace pegtl = tao::pegtl;
struct line : pegtl::until<pegtl::eolf, pegtl::utf8::any> {};
struct file : pegtl::until<pegtl::eof, line> {};
template <class Rule>
struct count : pegtl::nothing<Rule> {};
template <>
struct count<line> {
    template <class Input>
    static void apply(const Input&, std::size_t& lines) { ++lines; }
};
}  // namespace line_grammar

std::size_t pegtl_line_scan(const std::string& s) {
    std::size_t lines = 0;
    tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(s, "");
    tao::pegtl::parse<line_grammar::file, line_grammar::count>(in, lines);
    return lines;
}

// The decoded, normalised text of a report as the pipeline makes it (empty for bad input).
source::NormalisedText decode_and_normalise(const std::string& bytes) {
    const auto decoded = source::decode(bytes);
    if (decoded.problem != source::DecodeProblem::None) return {};
    if (decoded.transcoded) return source::normalise(decoded.transcoded->utf8, decoded.text_begin, decoded.text_end);
    return source::normalise(bytes, decoded.text_begin, decoded.text_end);
}

volatile std::size_t sink;  // keeps results alive so that the optimiser cannot drop the work

struct Timing {
    double seconds;  // of the fastest pass over all reports
    std::size_t bytes, reports;
    [[nodiscard]] double mb_per_s() const { return static_cast<double>(bytes) / seconds / 1e6; }
    [[nodiscard]] double reports_per_s() const { return static_cast<double>(reports) / seconds; }
};

// Runs `pass` over every report of `indices` until `min_seconds` have gone by; the fastest pass.
Timing best(const std::vector<Report>& reports, const std::vector<std::size_t>& indices, double min_seconds,
            const std::function<void(std::size_t)>& pass) {
    double fastest = 1e30, total = 0;
    int runs = 0;
    do {
        const auto t0 = Clock::now();
        for (const auto i : indices) pass(i);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        fastest = std::min(fastest, s);
        total += s;
        ++runs;
    } while (total < min_seconds || runs < 3);
    std::size_t bytes = 0;
    for (const auto i : indices) bytes += reports[i].bytes.size();
    return {fastest, bytes, indices.size()};
}

std::size_t peak_memory_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:")) return std::stoul(line.substr(6));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    double min_seconds = 2.0;
    std::size_t sample = 4000;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    fs::path dir = "corpus";
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--seconds" && i + 1 < argc) min_seconds = std::stod(argv[++i]);
        else if (a == "--sample" && i + 1 < argc) sample = std::stoul(argv[++i]);
        else if (a == "--jobs" && i + 1 < argc) jobs = static_cast<unsigned>(std::stoul(argv[++i]));
        else dir = argv[i];
    }
    const auto reports = load(dir, sample);
    if (reports.empty()) {
        fmt::print(stderr, "xxgk_bench: no *.txt reports under {}\n", dir.string());
        return 2;
    }

    // Inputs to the later stages, prepared once; and the reports by script.
    std::vector<passes::Compilation> compiled;
    std::vector<source::NormalisedText> texts;
    std::vector<std::size_t> all, simplified, traditional;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        compiled.push_back(passes::compile(reports[i].name, reports[i].bytes));
        texts.push_back(decode_and_normalise(reports[i].bytes));
        all.push_back(i);
        (compiled.back().report.traditional ? traditional : simplified).push_back(i);
    }

    const backends::RenderOptions options;
    auto diagnostics_of = [&](std::size_t i) {
        std::vector<backends::FileDiagnostic> out;
        for (const auto& d : compiled[i].report.diagnostics) out.push_back({compiled[i].file.get(), reports[i].name, &d});
        return out;
    };
    struct Stage {
        std::string name;
        std::function<void(std::size_t)> run;
    };
    const std::vector<Stage> front = {
        {"baseline: UTF-8 line scan", [&](std::size_t i) { sink = utf8_line_scan(reports[i].bytes); }},
        {"baseline: PEGTL line grammar", [&](std::size_t i) { sink = pegtl_line_scan(reports[i].bytes); }},
        {"decode + normalise", [&](std::size_t i) { sink = decode_and_normalise(reports[i].bytes).text.size(); }},
        {"parse (grammar)", [&](std::size_t i) {
             sink = grammar::parse(*compiled[i].file, texts[i], *passes::detect_form(texts[i].text).form).sections.size();
         }},
        {"whole pipeline (compile)", [&](std::size_t i) {
             sink = passes::compile(reports[i].name, reports[i].bytes).report.diagnostics.size();
         }},
    };
    const std::vector<Stage> back = {
        {"backend: csv", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_csv_rows(out, compiled[i].report, options);
             sink = out.tellp();
         }},
        {"backend: jsonl", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_json(out, compiled[i].report, options, false);
             sink = out.tellp();
         }},
        {"backend: json (pretty)", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_json(out, compiled[i].report, options, true);
             sink = out.tellp();
         }},
        {"backend: gcc diagnostics", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_gcc(out, diagnostics_of(i), options);
             sink = out.tellp();
         }},
        {"backend: human diagnostics", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_human(out, diagnostics_of(i), options);
             sink = out.tellp();
         }},
        {"backend: sarif (per report)", [&](std::size_t i) {
             std::ostringstream out;
             backends::write_sarif(out, diagnostics_of(i), options);
             sink = out.tellp();
         }},
    };

    std::size_t bytes = 0;
    for (const auto& r : reports) bytes += r.bytes.size();
    fmt::print("{} reports ({} simplified, {} traditional), {:.1f} MB, from {}\n", reports.size(), simplified.size(),
               traditional.size(), bytes / 1e6, dir.string());
    fmt::print("single-threaded; the fastest of repeated passes over at least {} s each\n", min_seconds);

    auto table = [&](const char* title, const std::vector<std::size_t>& indices, const std::vector<Stage>& stages) {
        if (indices.empty()) return;
        fmt::print("\n{}\n\n| {:<30} | {:>8} | {:>10} | {:>9} | {:>11} | {:>11} |\n", title, "stage", "MB/s", "reports/s",
                   "ms/report", "× UTF-8 scan", "× PEGTL");
        fmt::print("|{:-<32}|{:->10}|{:->12}|{:->11}|{:->13}|{:->13}|\n", "", ":", ":", ":", ":", ":");
        std::vector<Timing> timings;
        for (const auto& stage : stages) timings.push_back(best(reports, indices, min_seconds, stage.run));
        const double scan = timings[0].seconds, pegtl = timings[1].seconds;
        auto row = [&](const std::string& name, double seconds) {
            const Timing t{seconds, timings[0].bytes, timings[0].reports};
            fmt::print("| {:<30} | {:>8.1f} | {:>10.0f} | {:>9.3f} | {:>11.1f} | {:>11.1f} |\n", name, t.mb_per_s(),
                       t.reports_per_s(), seconds * 1e3 / static_cast<double>(t.reports), seconds / scan, seconds / pegtl);
        };
        for (std::size_t k = 0; k < stages.size(); ++k) row(stages[k].name, timings[k].seconds);
        if (stages.size() >= 5) {
            // What compile does besides decoding, normalising and parsing: the passes, and building
            // the SourceFile (line starts) and detecting the form.
            const double rest = timings[4].seconds - timings[2].seconds - timings[3].seconds;
            if (rest > 0) row("passes (whole − the two above)", rest);
        }
    };
    table("All reports", all, [&] {
        auto s = front;
        s.insert(s.end(), back.begin(), back.end());
        return s;
    }());
    table("Simplified-character reports", simplified, front);
    table("Traditional-character reports", traditional, front);

    // -j: the batch as xxgk runs it, without the file system: compile and render CSV on worker
    // threads, results handed back in order.
    auto batch = [&](unsigned workers) {
        double fastest = 1e30, total = 0;
        do {
            const auto t0 = Clock::now();
            std::size_t written = 0;
            cli::run_in_order<std::string>(
                reports.size(), workers, 16 * workers,
                [&](std::size_t k) {
                    const auto c = passes::compile(reports[k].name, reports[k].bytes);
                    std::ostringstream out;
                    backends::write_csv_rows(out, c.report, options);
                    return std::move(out).str();
                },
                [&](std::size_t, std::string&& csv) { written += csv.size(); });
            sink = written;
            const double s = std::chrono::duration<double>(Clock::now() - t0).count();
            fastest = std::min(fastest, s);
            total += s;
        } while (total < min_seconds);
        return fastest;
    };
    const double one = batch(1), many = batch(jobs);
    fmt::print("\nBatch (compile + CSV, ordered output) on worker threads\n\n| {:<8} | {:>8} | {:>10} | {:>8} |\n", "workers",
               "MB/s", "reports/s", "speed-up");
    fmt::print("|{:-<10}|{:->10}|{:->12}|{:->10}|\n", "", ":", ":", ":");
    for (const auto& [workers, seconds] : {std::pair{1u, one}, std::pair{jobs, many}})
        fmt::print("| -j {:<5} | {:>8.1f} | {:>10.0f} | {:>7.2f}× |\n", workers, bytes / seconds / 1e6, reports.size() / seconds,
                   one / seconds);

    // One report at a time: the largest, and those of about 50 KB.
    std::vector<std::size_t> by_size(all);
    std::sort(by_size.begin(), by_size.end(), [&](auto a, auto b) { return reports[a].bytes.size() > reports[b].bytes.size(); });
    std::vector<std::size_t> near_50kb;
    for (const auto i : all)
        if (reports[i].bytes.size() >= 45'000 && reports[i].bytes.size() <= 55'000) near_50kb.push_back(i);
    fmt::print("\nLatency (single report, fastest of repeated runs)\n\n");
    auto latency = [&](const char* what, const std::vector<std::size_t>& indices) {
        if (indices.empty()) return;
        const auto t = best(reports, indices, min_seconds,
                            [&](std::size_t i) { sink = passes::compile(reports[i].name, reports[i].bytes).report.diagnostics.size(); });
        fmt::print("- {}: {} reports of {:.1f} KB on average, {:.3f} ms each\n", what, indices.size(),
                   static_cast<double>(t.bytes) / static_cast<double>(t.reports) / 1e3, t.seconds * 1e3 / static_cast<double>(t.reports));
    };
    latency("the largest report", {by_size.front()});
    latency("reports of 45–55 KB", near_50kb);

    fmt::print("\npeak memory of this benchmark (reports loaded and compiled in memory): {:.1f} MiB\n",
               static_cast<double>(peak_memory_kib()) / 1024);
    return 0;
}
