// harness/support/fmt.cpp — {fmt}'s compiled part, built once per flavour and
// linked into every case binary, as fmt's own src/format.cc builds it.
//
// Why not header-only: then every program file compiles and optimizes fmt's
// whole formatting core (vformat_to, every argument type's writer, the
// dragonbox float printer) once per flavour: -ftime-trace puts 70-75 % of a
// case file's compile there. With fmt compiled here, a program file that
// includes <fmt/core.h> sees only declarations; the sanitizers still see fmt's
// code, because this file is built in each binary's flavour.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view,
                                 basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
