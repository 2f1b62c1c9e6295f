/* commands.c - the table of commands: one line a command (its file in
 * src/cmd/ defines `const struct cmd cmd_NAME`). The browser comes first:
 * it runs when no command word is given. */
#include "ankekort/cmd/commands.h"

#include <string.h>

/* clang-format off */
#define COMMANDS(X) \
	X(browse)   \
	X(print)    \
	X(check)    \
	X(faktaark) \
	X(import)   \
	X(fetch)    \
	X(register) \
	X(cycle)
/* clang-format on */

#define DECLARE(name) extern const struct cmd cmd_##name;
COMMANDS(DECLARE)
#undef DECLARE

#define ENTRY(name) &cmd_##name,
const struct cmd *const cmd_table[] = {COMMANDS(ENTRY) NULL};
#undef ENTRY

const struct cmd *cmd_find(const char *word)
{
	for (size_t i = 0; cmd_table[i]; i++)
		if (cmd_table[i]->word && strcmp(cmd_table[i]->word, word) == 0)
			return cmd_table[i];
	return NULL;
}

bool cmd_takes(const struct cmd *cmd, enum cli_opt id)
{
	if (id == OPT_HELP || id == OPT_VERSION || id == OPT_DATA || id == OPT_LANG)
		return true; /* every command's */
	for (const struct cmd_opt *p = cmd->opts; p && p->id != OPT_NONE; p++)
		if (p->id == id)
			return true;
	return false;
}
