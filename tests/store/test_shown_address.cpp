// What messages may show of a store address: never a PostgreSQL password, in any of its forms.
#include <doctest/doctest.h>

#include "stance/store/shown_address.hpp"

using stance::shown_address;

TEST_CASE("a SQLite path is shown as it is") {
    CHECK(shown_address("unga.db") == "unga.db");
    CHECK(shown_address("  /data/run=3.db ") == "/data/run=3.db");
}

TEST_CASE("a PostgreSQL URL is shown without the password of its user") {
    CHECK(shown_address("postgresql://rita:s3cr%40t@db.example/unga") == "postgresql://rita@db.example/unga");
    CHECK(shown_address("postgres://rita:x@/unga?host=/run/pg") == "postgres://rita@/unga?host=/run/pg");
    CHECK(shown_address("postgresql://rita@db.example/unga") == "postgresql://rita@db.example/unga");
    // A colon after the host (its port) is not a password.
    CHECK(shown_address("postgresql://db.example:5433/unga") == "postgresql://db.example:5433/unga");
}

TEST_CASE("a password among the parameters is replaced, whatever follows it") {
    CHECK(shown_address("postgresql:///unga?host=/run/pg&password=hunter2&port=5432") ==
          "postgresql:///unga?host=/run/pg&password=***&port=5432");
    CHECK(shown_address("host=/run/pg dbname=unga password=hunter2 user=rita") ==
          "host=/run/pg dbname=unga password=*** user=rita");
    CHECK(shown_address("host=/run/pg password='two words\\' quoted' user=rita") ==
          "host=/run/pg password=*** user=rita");
    CHECK(shown_address("password=a host=h password=b") == "password=*** host=h password=***");
}
