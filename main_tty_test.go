package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// runMainEnv makes this test binary act as the program itself, so a test
// can run it on a terminal of its own (a pseudo-terminal it controls).
const runMainEnv = "STUDYGUIDE_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Args = append([]string{"studyguide"}, strings.Fields(os.Getenv(runMainEnv+"_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// onTerminal runs the program with args on a new pseudo-terminal, as its
// controlling terminal. answer, if not nil, is called with each query the
// program writes for the terminal's background colour and returns what the
// terminal replies; with nil the terminal never replies. It returns what
// the program wrote, how many colour queries it made and how long it ran.
func onTerminal(t *testing.T, answer func() string, args ...string) (string, int, time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{runMainEnv + "=1", runMainEnv + "_ARGS=" + strings.Join(args, " "),
		"TERM=xterm-256color", "COLORTERM=truecolor", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer tty.Close()
	var out bytes.Buffer
	queries := 0
	done := make(chan struct{})
	go func() { // the terminal: reads everything, answers only if asked to
		defer close(done)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			out.Write(buf[:n])
			if k := strings.Count(string(buf[:n]), ansi.RequestBackgroundColor); k > 0 {
				queries += k
				if answer != nil {
					_, _ = io.WriteString(tty, answer())
				}
			}
			if err != nil {
				return
			}
		}
	}()
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("studyguide %v: %v\n%s", args, err, out.String())
		}
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("studyguide %v did not finish in 20 s on a terminal", args)
	}
	elapsed := time.Since(start)
	select { // the rest of the output, up to the end the terminal reports
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the terminal's output did not end after the program did")
	}
	return out.String(), queries, elapsed
}

// TestPrintDoesNotWaitForASilentTerminal: on a terminal that never answers
// queries, print asks once for the background colour and goes on in dark
// after a short wait (it used to ask twice, two seconds each).
func TestPrintDoesNotWaitForASilentTerminal(t *testing.T) {
	out, queries, elapsed := onTerminal(t, nil, "print", "1")
	if queries > 1 {
		t.Errorf("print asked a silent terminal for its background %d times; once is enough", queries)
	}
	// The wait allowed is 100 ms; the rest is the program's start under a
	// test runner on a busy machine. Each unanswered query used to cost 2 s.
	if elapsed > 1500*time.Millisecond {
		t.Errorf("print took %v on a terminal that does not answer", elapsed)
	}
	if !strings.Contains(ansi.Strip(out), "When socialists gathered") {
		t.Fatalf("print on a terminal did not print chapter 1:\n%.500q", out)
	}
	_, _, darkOut := printedWith(t, "--theme", "dark")
	if styled(out) != darkOut {
		t.Error("on a terminal that does not answer, print should use the dark theme")
	}
}

// TestPrintFollowsTheTerminalsBackground: a light terminal gets the light
// theme, as --theme light gives it.
func TestPrintFollowsTheTerminalsBackground(t *testing.T) {
	light := func() string { return "\x1b]11;rgb:ffff/ffff/f0f0\x1b\\\x1b[?62;22c" }
	out, queries, _ := onTerminal(t, light, "print", "1")
	if queries != 1 {
		t.Errorf("print asked %d times for the background colour, want once", queries)
	}
	_, _, lightOut := printedWith(t, "--theme", "light")
	_, _, darkOut := printedWith(t, "--theme", "dark")
	if lightOut == darkOut {
		t.Fatal("the light and dark themes print the same")
	}
	if styled(out) != lightOut {
		t.Error("on a light terminal, print should use the light theme")
	}
}

// printedWith is print 1 on a terminal with the given flags.
func printedWith(t *testing.T, flags ...string) (string, int, string) {
	t.Helper()
	out, queries, _ := onTerminal(t, nil, append([]string{"print", "1"}, flags...)...)
	return out, queries, styled(out)
}

// styled is what print wrote, without its query to the terminal and with
// line ends as written (a terminal turns \n into \r\n).
func styled(out string) string {
	out = strings.ReplaceAll(out, ansi.RequestBackgroundColor+ansi.RequestPrimaryDeviceAttributes, "")
	return strings.ReplaceAll(out, "\r\n", "\n")
}
