#include "serve/store_pool.hpp"

#include <utility>

namespace stance::serve {

StorePool::StorePool(std::string path, OpenOptions options) : m_path(std::move(path)), m_options(std::move(options)) {}

StorePool::Lease::Lease(StorePool& pool, std::unique_ptr<Store> store) : m_pool(&pool), m_store(std::move(store)) {}

StorePool::Lease::~Lease() {
    if (m_store) {
        m_pool->give_back(std::move(m_store));
    }
}

StorePool::Lease StorePool::reader() {
    {
        const std::lock_guard lock(m_idle_mutex);
        if (!m_idle.empty()) {
            std::unique_ptr<Store> store = std::move(m_idle.back());
            m_idle.pop_back();
            return {*this, std::move(store)};
        }
    }
    OpenOptions options = m_options;
    options.read_only = true;
    return {*this, Store::open(m_path, options)};
}

void StorePool::give_back(std::unique_ptr<Store> store) {
    const std::lock_guard lock(m_idle_mutex);
    m_idle.push_back(std::move(store));
}

StorePool::WriteLease::WriteLease(StorePool& pool, const std::string& author) : m_lock(pool.m_write_mutex) {
    std::unique_ptr<Store>& writer = pool.m_writers[author];
    if (!writer) {
        OpenOptions options = pool.m_options;
        options.read_only = false;
        if (!author.empty()) {
            options.author = author;
        }
        writer = Store::open(pool.m_path, options);
    }
    m_store = writer.get();
}

StorePool::WriteLease StorePool::writer(const std::string& author) {
    return {*this, author};
}

} // namespace stance::serve
