/* term.c - curses setup and teardown, and key decoding. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/browse/action.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ui_int.h"

static bool active;
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

/* Signals that end the program: each only sets a flag, and interrupts the
 * read (no SA_RESTART), so the loop restores the terminal and ends (and
 * raises it again). Every signal whose default is to end the process is
 * here, the timers' and limits' (VTALRM, PROF, XCPU, XFSZ) and the
 * real-time ones too. A signal the caller ignores (SIGHUP under nohup)
 * stays ignored. */
static void catch_one(int sig)
{
	struct sigaction old, sa;
	if (sigaction(sig, NULL, &old) != 0 || old.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void catch_signals(void)
{
	static const int sigs[] = {
		SIGTERM,   SIGHUP,  SIGINT,  SIGQUIT, SIGUSR1, SIGUSR2,	  SIGPIPE,
		SIGALRM,   SIGXCPU, SIGXFSZ, SIGPROF, SIGIO,   SIGVTALRM,
#ifdef SIGPWR
		SIGPWR,
#endif
#ifdef SIGSTKFLT
		SIGSTKFLT,
#endif
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		catch_one(sigs[i]);
#ifdef SIGRTMIN
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		catch_one(sig);
#endif
}

/* A fault (SEGV, BUS, FPE, ILL, TRAP, SYS, ABRT) cannot wait for the loop:
 * the terminal is put back at once with writes a signal handler may make
 * (mouse reports off, the normal screen, the cursor shown), then the
 * handler that was there before (the default, or a sanitizer's) takes the
 * signal: a fault happens again when the handler returns, a signal sent
 * by kill is raised again. */
static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT};
static struct sigaction fault_old[sizeof faults / sizeof faults[0]];

static void on_fault(int sig, siginfo_t *info, void *uctx)
{
	(void)uctx;
	static const char reset[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1049l"
				    "\033[0m\033[?25h\r\n";
	ssize_t w = write(STDOUT_FILENO, reset, sizeof reset - 1);
	(void)w;
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		if (faults[i] == sig)
			sigaction(sig, &fault_old[i], NULL);
	if (info->si_code <= 0 || sig == SIGABRT) /* sent, not a fault: raise it again */
		raise(sig);
}

static void catch_faults(void)
{
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_fault;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		sigaction(faults[i], &sa, &fault_old[i]);
	}
}

static void release_faults(void)
{
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		sigaction(faults[i], &fault_old[i], NULL);
}

int term_signal(void)
{
	return caught;
}

void term_reraise(int sig)
{
	signal(sig, SIG_DFL);
	raise(sig);
}

void term_end(void)
{
	if (active) {
		endwin();
		release_faults();
		active = false;
	}
}

void term_batch_output(void)
{
	endwin();
	refresh();
	typeahead(-1);
}

bool term_start(bool mouse)
{
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	set_escdelay(25);
	initscr();
	active = true;
	term_batch_output();
	xalloc_set_fail_hook(term_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	catch_signals();
	catch_faults();
	if (mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
			  NULL);
	return utf8;
}

static int function_key(wint_t ch)
{
	switch (ch) {
	case KEY_UP: return AK_KEY_UP;
	case KEY_DOWN: return AK_KEY_DOWN;
	case KEY_LEFT: return AK_KEY_LEFT;
	case KEY_RIGHT: return AK_KEY_RIGHT;
	case KEY_PPAGE: return AK_KEY_PGUP;
	case KEY_NPAGE: return AK_KEY_PGDN;
	case KEY_HOME: return AK_KEY_HOME;
	case KEY_END: return AK_KEY_END;
	case KEY_BTAB: return AK_KEY_BTAB;
	case KEY_ENTER: return AK_KEY_ENTER;
	case KEY_BACKSPACE: return AK_KEY_BACKSPACE;
	case KEY_DC: return AK_KEY_DELETE;
	case KEY_RESIZE: return AK_KEY_RESIZE;
	case KEY_MOUSE: return AK_KEY_MOUSE;
	default: break;
	}
	if (ch == KEY_F(1))
		return AK_KEY_F1;
	if (ch == KEY_F(3))
		return AK_KEY_F3;
	if (ch == KEY_F(4))
		return AK_KEY_F4;
	if (ch == KEY_F(6))
		return AK_KEY_F6;
	if (ch == KEY_F(10))
		return AK_KEY_F10;
	return -1;
}

static int plain_key(wint_t ch)
{
	switch (ch) {
	case '\r':
	case '\n': return AK_KEY_ENTER;
	case '\t': return AK_KEY_TAB;
	case 27: return AK_KEY_ESC;
	case 127:
	case 8: return AK_KEY_BACKSPACE;
	case 12: return AK_KEY_CTRL_L;
	default: return (int)ch;
	}
}

int term_read_key(int *my, int *mx, int *wheel)
{
	wint_t ch;
	errno = 0;
	int r = get_wch(&ch);
	if (r == ERR)
		return caught || errno != EINTR ? TERM_NO_INPUT : TERM_NO_KEY;
	int key = r == KEY_CODE_YES ? function_key(ch) : plain_key(ch);
	if (key == AK_KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) != OK)
			return TERM_NO_KEY;
		*my = ev.y;
		*mx = ev.x;
		*wheel = (ev.bstate & BUTTON4_PRESSED) ? -1 : (ev.bstate & BUTTON5_PRESSED) ? 1 : 0;
	}
	return key;
}
