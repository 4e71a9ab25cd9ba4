// Replays the inputs the fuzzers once broke xxgk with (tests/fuzz-regressions/): each must
// compile without a crash, with every location inside the file and nothing lost.
#define BOOST_TEST_MODULE xxgk fuzz regressions
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "invariants.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

BOOST_AUTO_TEST_CASE(every_regression_compiles_with_nothing_lost) {
    const auto& suite = boost::unit_test::framework::master_test_suite();
    BOOST_REQUIRE_MESSAGE(suite.argc >= 2, "usage: xxgk_fuzz_regression_tests -- DIR");
    std::size_t replayed = 0;
    for (const auto& e : fs::directory_iterator(suite.argv[suite.argc - 1])) {
        if (!e.is_regular_file() || e.path().extension() != ".bin") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        BOOST_TEST_CONTEXT(e.path().filename().string()) {
            const auto c = passes::compile(e.path().filename().string(), std::move(bytes).str());
            BOOST_TEST(test::locations_inside_file(c));
            BOOST_TEST(test::unaccounted_values(c.report).empty());
        }
        ++replayed;
    }
    BOOST_TEST_MESSAGE("replayed " << replayed << " fuzz findings");
}
