// 20_greeting_buffers.cpp — greeting users from pooled buffers.
//
// TypedPool<T> is a small typed face over the type-erased pool::AnyPool, so
// that callers get a T without writing casts.
#include "harness/cases/20_greeting_buffers.h"

#include <any>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "pool/any_pool.h"

namespace greeter {
namespace {

template <class T>
class TypedPool {
 public:
  // A miss is filled with a value-initialised T.
  TypedPool() : values_([] { return std::any(T{}); }) {}

  T get() { return std::any_cast<T>(values_.get()); }
  void put(T value) { values_.put(std::any(std::move(value))); }

 private:
  pool::AnyPool values_;
};

using Buffer = std::shared_ptr<std::string>;

TypedPool<Buffer> buffers;

}  // namespace

std::string greet(std::string_view name) {
  Buffer buffer = buffers.get();
  buffer->clear();
  buffer->append("hello, ").append(name).append("!");
  std::string greeting = *buffer;
  buffers.put(std::move(buffer));
  return greeting;
}

}  // namespace greeter
