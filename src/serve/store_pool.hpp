// Database connections for the server's threads. Reads take a read-only connection of their own
// from a pool (SQLite connections are not shared between threads, and reused ones keep their
// prepared statements and name caches warm); writes share one read-write connection, one at a
// time, so two requests of the same page never race for SQLite's write lock. On a team server each
// coder writes through a connection of their own (opened with their name as its author), so that
// what the history records of a write is its coder's, whichever library function made it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "stance/store/store.hpp"

namespace stance::serve {

class StorePool {
public:
    /// `options.read_only` is ignored: readers are always read-only, the writer never.
    StorePool(std::string path, OpenOptions options);

    /// A connection lent for one request; back to the pool when the lease ends.
    class Lease {
    public:
        Lease(StorePool& pool, std::unique_ptr<Store> store);
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();
        Store& operator*() const noexcept { return *m_store; }
        Store* operator->() const noexcept { return m_store.get(); }

    private:
        StorePool* m_pool;
        std::unique_ptr<Store> m_store;
    };

    /// A read-only connection.
    [[nodiscard]] Lease reader();

    /// The writer for `author` (empty: the server's --by name), held (with the one write lock) while
    /// the returned guard lives.
    class WriteLease {
    public:
        WriteLease(StorePool& pool, const std::string& author);
        Store& operator*() const noexcept { return *m_store; }
        Store* operator->() const noexcept { return m_store; }

    private:
        std::unique_lock<std::mutex> m_lock;
        Store* m_store = nullptr;
    };
    [[nodiscard]] WriteLease writer(const std::string& author = "");

private:
    void give_back(std::unique_ptr<Store> store);

    std::string m_path;
    OpenOptions m_options;
    std::mutex m_idle_mutex;
    std::vector<std::unique_ptr<Store>> m_idle;
    std::mutex m_write_mutex;
    std::map<std::string, std::unique_ptr<Store>> m_writers; ///< By author; each opened on its first write.
};

} // namespace stance::serve
