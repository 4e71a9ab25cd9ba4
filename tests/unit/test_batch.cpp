// Batch compilation's ordered reassembly and input reading (cli/batch.hpp): results come back in
// input order whatever the number of workers and however long each takes, no more than the window
// wait at once, and a failure stops the batch.
#define BOOST_TEST_MODULE xxgk batch tests
#include <boost/test/unit_test.hpp>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <unistd.h>

#include "batch.hpp"

using namespace xxgk;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(ordered_reassembly)

BOOST_AUTO_TEST_CASE(delivers_in_order_whatever_the_workers) {
    constexpr std::size_t kCount = 2000;
    for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
        for (const std::size_t window : {std::size_t{1}, std::size_t{4}, std::size_t{64}}) {
            // Uneven work, so that workers finish out of order.
            std::vector<int> delay(kCount);
            std::mt19937 random(jobs * 100 + window);
            for (auto& d : delay) d = static_cast<int>(random() % 50);
            std::atomic<std::size_t> started{0};
            std::size_t delivered = 0, most_ahead = 0;
            bool in_order = true, one_at_a_time = true;
            std::atomic<int> delivering{0};
            cli::run_in_order<std::size_t>(
                kCount, jobs, window,
                [&](std::size_t i) {
                    ++started;
                    std::this_thread::sleep_for(std::chrono::microseconds(delay[i]));
                    return i * i;
                },
                [&](std::size_t i, std::size_t result) {
                    one_at_a_time &= ++delivering == 1;
                    in_order &= i == delivered && result == i * i;
                    // Started but not delivered: at most the window (this one included).
                    most_ahead = std::max(most_ahead, started.load() - delivered);
                    ++delivered;
                    --delivering;
                });
            BOOST_TEST(delivered == kCount);
            BOOST_TEST(in_order);
            BOOST_TEST(one_at_a_time);
            BOOST_TEST(most_ahead <= window, "jobs " << jobs << ", window " << window << ": " << most_ahead << " ahead");
        }
    }
}

BOOST_AUTO_TEST_CASE(nothing_to_do) {
    bool called = false;
    cli::run_in_order<int>(0, 4, 8, [&](std::size_t) { return called = true, 0; }, [&](std::size_t, int) { called = true; });
    BOOST_TEST(!called);
}

BOOST_AUTO_TEST_CASE(a_failing_delivery_stops_the_batch) {
    std::atomic<std::size_t> worked{0};
    std::size_t delivered = 0;
    BOOST_CHECK_THROW(cli::run_in_order<int>(
                          100000, 2, 8, [&](std::size_t) { return static_cast<int>(++worked); },
                          [&](std::size_t i, int) {
                              if (i == 10) throw std::runtime_error("disk full");
                              ++delivered;
                          }),
                      std::runtime_error);
    BOOST_TEST(delivered == 10u);
    BOOST_TEST(worked.load() < 100u);  // the window kept the workers close behind
}

BOOST_AUTO_TEST_CASE(a_failing_work_item_stops_the_batch) {
    std::size_t delivered = 0;
    BOOST_CHECK_THROW(cli::run_in_order<int>(
                          1000, 3, 8,
                          [&](std::size_t i) {
                              if (i == 500) throw std::bad_alloc();
                              return 0;
                          },
                          [&](std::size_t, int) { ++delivered; }),
                      std::bad_alloc);
    BOOST_TEST(delivered <= 500u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reading_inputs)

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("xxgk-batch-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const {
        fs::create_directories((path / name).parent_path());
        std::ofstream(path / name, std::ios::binary) << text;
    }
};

BOOST_AUTO_TEST_CASE(directories_are_walked_in_sorted_order_for_reports_only) {
    TempDir dir;
    dir.write("b/2.txt", "x");
    dir.write("b/1.md", "x");
    dir.write("a.txt", "x");
    dir.write("README.md", "x");
    dir.write("b/data.csv", "x");
    const auto inputs = cli::expand_paths({dir.path.string(), "-"}, "named");
    std::vector<std::string> names;
    for (const auto& in : inputs) names.push_back(in.is_stdin ? "stdin:" + in.path : fs::relative(in.path, dir.path).string());
    BOOST_TEST(names == (std::vector<std::string>{"a.txt", "b/1.md", "b/2.txt", "stdin:named"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_file_is_read_whole_unless_it_is_too_large) {
    TempDir dir;
    dir.write("small.txt", "0123456789");
    const auto small = cli::read_input({(dir.path / "small.txt").string(), {}, false}, 10);
    BOOST_TEST((small.bytes && *small.bytes == "0123456789"));
    const auto large = cli::read_input({(dir.path / "small.txt").string(), {}, false}, 9);
    BOOST_TEST(!large.bytes);
    BOOST_TEST((large.too_large && *large.too_large == 10u));
    const auto missing = cli::read_input({(dir.path / "missing.txt").string(), {}, false}, 10);
    BOOST_TEST(!missing.bytes);
    BOOST_TEST(missing.error == "No such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()
