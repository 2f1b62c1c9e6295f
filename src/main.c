/* main.c - read the configuration and the command line, run the command
 * (src/cmd/: one file a command, listed in commands.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/cmd/cli.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/config.h"

/* The configuration file's defaults, where the command line said nothing. */
static void apply_config(struct cli_options *o, const struct ak_config *c)
{
	if (!o->data_dir && c->data)
		o->data_dir = c->data;
	o->home = c->kommune;
	if (!o->peers && c->peers) /* faktaark's */
		o->peers = c->peers;
	if (!o->api_url && c->statbank) /* fetch's */
		o->api_url = c->statbank;
	if (c->color == 0)
		o->no_color = true;
	if (c->mouse == 0)
		o->no_mouse = true;
}

/* Every command's output ends here: a write that failed (a full disk,
 * /dev/full, a closed pipe) is an error, never a silent exit 0. */
static int close_stdout(int status)
{
	bool failed = ferror(stdout) != 0;
	int saved = errno;
	errno = 0;
	if (fclose(stdout) != 0) {
		failed = true;
		saved = errno;
	}
	if (!failed)
		return status;
	fprintf(stderr, _("ankekort: cannot write the output: %s\n"),
		strerror(saved ? saved : EIO));
	return 1;
}

/* --lang must be known before anything is said, so it is read first. */
static const char *lang_of(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strcmp(argv[i], "--") == 0)
			break;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	/* into a file or a pipe in 64 KiB writes, not stdio's 4 KiB (print of
	 * a full export writes about 1 MB: 237 writes of it, now 15); glibc
	 * takes a size only with a buffer, which close_stdout() flushes before
	 * main returns */
	static char out_buffer[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
	struct ak_config cfg;
	struct diag_list cfg_problems = {0};
	char *cfg_path = config_path();
	bool cfg_ok = config_load(cfg_path, &cfg, &cfg_problems);
	free(cfg_path);
	const char *lang = lang_of(argc, argv);
	i18n_init(lang ? lang : cfg.lang);
	if (!cfg_ok) {
		diag_list_print(&cfg_problems, stderr);
		diag_list_free(&cfg_problems);
		config_free(&cfg);
		return 2;
	}
	struct cli_options o;
	enum cli_status cs = cli_parse(argc, argv, &o, stdout, stderr);
	if (cs != CLI_OK) {
		cli_free(&o);
		config_free(&cfg);
		return close_stdout(cs == CLI_EXIT_OK ? 0 : 2);
	}
	apply_config(&o, &cfg);
	int status = o.cmd->run(&o);
	cli_free(&o);
	config_free(&cfg);
	return close_stdout(status);
}
