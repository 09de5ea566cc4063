package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"studyguide/progress"
)

// session is the program running on a pseudo-terminal of its own, with
// what it has drawn so far.
type session struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan error
}

// onTerminalSession starts the program with args on a new 100x30
// pseudo-terminal, with env added to its environment.
func onTerminalSession(t *testing.T, env []string, args ...string) *session {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append([]string{runMainEnv + "=1", runMainEnv + "_ARGS=" + strings.Join(args, " "),
		"TERM=xterm-256color", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	s := &session{t: t, cmd: cmd, tty: tty, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		tty.Close()
	})
	return s
}

// screen is what the program has drawn so far, without escape sequences.
func (s *session) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.out.String())
}

// waitFor waits until the program has drawn text.
func (s *session) waitFor(text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.screen(), text) {
		if time.Now().After(deadline) {
			s.t.Fatalf("the program never showed %q; it drew:\n%s", text, s.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// quit presses ctrl+c and waits for the program to end.
func (s *session) quit() {
	s.t.Helper()
	_, _ = s.tty.Write([]byte{3})
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("the program ended with %v:\n%s", err, s.screen())
		}
	case <-time.After(20 * time.Second):
		s.t.Fatal("ctrl+c did not end the program")
	}
}

// `studyguide read` with no chapter opens where the reader left off: a
// place saved in chapter 5 opens chapter 5 at that paragraph, on a real
// terminal.
func TestReadWithoutAChapterOpensWhereYouLeftOff(t *testing.T) {
	pack, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	store, st, _, err := progress.Open(progress.Options{Pack: pack.Meta.ID, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ch := pack.Chapters[4]
	para := ch.Paragraphs()[3]
	st.SetPosition(ch.Number, para.ID)
	if err := store.Save(st); err != nil {
		t.Fatal(err)
	}
	s := onTerminalSession(t, []string{progress.EnvDir + "=" + dir}, "read")
	title := fmt.Sprintf("%d/%d  %s", ch.Number, len(pack.Chapters), ch.Title)
	s.waitFor(title)
	s.waitFor(fmt.Sprintf("¶%d ·", para.Index+1))
	s.quit()
	if strings.Contains(s.screen(), fmt.Sprintf("1/%d  %s", len(pack.Chapters), pack.Chapters[0].Title)) {
		t.Errorf("read showed chapter 1 on the way to chapter %d:\n%s", ch.Number, s.screen())
	}
}
