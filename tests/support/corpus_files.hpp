#pragma once
// What the corpus-driven test programs share: the directory CTest passes after `--`, and
// reading a file's bytes exactly.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace xxgk::test {

// The last command-line argument: CTest runs these programs as `PROGRAM … -- DIR`.
inline std::filesystem::path argument_dir() {
    const auto& suite = boost::unit_test::framework::master_test_suite();
    BOOST_REQUIRE_MESSAGE(suite.argc >= 2, "usage: " << suite.argv[0] << " -- DIR");
    return suite.argv[suite.argc - 1];
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

}  // namespace xxgk::test
