# Compiler hygiene shared by every Confab target: see confab_apply_options().
add_library(confab_options INTERFACE)
target_compile_options(confab_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wnull-dereference -Wimplicit-fallthrough
    $<$<BOOL:${CONFAB_WERROR}>:-Werror>)
# Strict Qt: no implicit conversions from char* to QString/QUrl, so every string's encoding is a decision.
target_compile_definitions(confab_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)

function(confab_apply_options target)
    target_link_libraries(${target} PRIVATE confab_options)
endfunction()
