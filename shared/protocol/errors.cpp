#include "errors.h"

#include "types.h"

namespace confab::protocol {

QString errorCodeName(ErrorCode code)
{
    return enumName(code);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    return enumFromName<ErrorCode>(name);
}

} // namespace confab::protocol
