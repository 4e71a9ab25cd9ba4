#define BOOST_TEST_MODULE xxgk unit tests
#include <boost/test/unit_test.hpp>
