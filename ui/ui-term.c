/*
 * The reader's terminal: curses set up and always restored (also on a
 * crash or signal), stderr kept off the screen while curses owns it, and
 * programs run with the terminal given back to them.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "ui-int.h"

static volatile sig_atomic_t ui_curses_on;
static int ui_saved_stderr = -1;

/* Give stderr back to the terminal (curses is off). */
static void
ui_stderr_restore(void)
{
	if (ui_saved_stderr != -1) {
		dup2(ui_saved_stderr, STDERR_FILENO);
		close(ui_saved_stderr);
		ui_saved_stderr = -1;
	}
}

/* While curses owns the screen, nothing may write on it behind its back. */
static void
ui_stderr_hide(void)
{
	int	 fd;

	if (ui_saved_stderr != -1)
		return;
	if ((fd = open("/dev/null", O_WRONLY)) == -1)
		return;
	ui_saved_stderr = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

static void
ui_fatal_signal(int sig)
{
	if (ui_curses_on)
		endwin();
	ui_curses_on = 0;
	if (ui_saved_stderr != -1)
		dup2(ui_saved_stderr, STDERR_FILENO);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
ui_term_signals(void)
{
	static const int	 sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT,
	    SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL };
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < UTIL_ARRLEN(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void
ui_term_restore(void)
{
	if (ui_curses_on)
		endwin();
	ui_curses_on = 0;
	ui_stderr_restore();
}

void
ui_term_start(void)
{
	initscr();
	ui_curses_on = 1;
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	ui_stderr_hide();
}

/* Write all of input to fd; the child may stop reading early. */
static void
ui_child_feed(int fd, const char *input)
{
	size_t	 len = strlen(input), off = 0;
	ssize_t	 n;

	while (off < len) {
		n = write(fd, input + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
}

/*
 * Run argv (no shell) with the terminal given back, input (may be NULL)
 * on its standard input; with wait_key, wait for Enter after it ends.
 * Returns its exit status, or -1 if it could not run.
 */
void
ui_term_suspend(struct ui *ui)
{
	(void)ui;
	def_prog_mode();
	endwin();
	ui_stderr_restore();
}

/* With wait_key, wait for Enter first, so the program's output is read. */
void
ui_term_resume(struct ui *ui, int wait_key)
{
	int	 c;

	if (wait_key) {
		printf("\nPress Enter to go back to telex.");
		fflush(stdout);
		while ((c = getchar()) != EOF && c != '\n')
			;
	}
	ui_stderr_hide();
	reset_prog_mode();
	clearok(curscr, TRUE);
	ui->dirty = 1;
}

int
ui_run_child(struct ui *ui, char *const argv[], const char *input,
    int wait_key)
{
	pid_t	 pid;
	int	 fds[2] = { -1, -1 }, status = 0;

	ui_term_suspend(ui);
	if (input != NULL && pipe(fds) == -1)
		input = NULL;
	if ((pid = fork()) == 0) {
		if (input != NULL) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "telex: cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	if (input != NULL) {
		close(fds[0]);
		if (pid != -1)
			ui_child_feed(fds[1], input);
		else
			close(fds[1]);
	}
	while (pid != -1 && waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	ui_term_resume(ui, wait_key && pid != -1);
	if (pid == -1)
		return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

