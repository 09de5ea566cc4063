package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"studyguide/internal/sshtest"
)

// joinLine is what a headless server prints: the port, the member code
// and the facilitator code.
var joinLine = regexp.MustCompile(`ssh -p (\d+) 127\.0\.0\.1[\s\S]*member code ([\d ]+)\. The facilitator joins the same way with the code ([\d ]+)`)

// A headless meeting from the command line: it says how to join with
// both codes, members join and vote, and ending it (the server's ctrl+c)
// says goodbye to them and writes the record, with the tallies and without
// anyone's name, where it says.
func TestServeHeadlessFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("STUDYGUIDE_STATE_DIR", dir)
	record := filepath.Join(dir, "tuesday.md")
	var out sshtest.SyncBuffer
	cmd := newRootCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs([]string{"serve", "2", "--headless", "--listen", "127.0.0.1:0", "--web", "127.0.0.1:0", "--items", "2",
		"--host-key", filepath.Join(dir, "host_key"), "--record", record})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var m []string
	for deadline := time.Now().Add(15 * time.Second); m == nil; time.Sleep(10 * time.Millisecond) {
		if m = joinLine.FindStringSubmatch(out.String()); m == nil && time.Now().After(deadline) {
			t.Fatalf("no join line:\n%s", out.String())
		}
	}
	if !regexp.MustCompile(`^\d{4} \d{4}$`).MatchString(m[2]) || !regexp.MustCompile(`^\d{4} \d{4} \d{4}$`).MatchString(m[3]) {
		t.Errorf("the member code %q and facilitator code %q", m[2], m[3])
	}
	addr := "127.0.0.1:" + m[1]
	a := sshtest.Dial(t, addr, sshtest.DialOpts{})
	a.Join(m[2], "Ada Lovelace")
	f := sshtest.Dial(t, addr, sshtest.DialOpts{W: 100, H: 30})
	f.WaitFor("Room code:")
	f.Press(m[3], "enter")
	f.WaitFor("1 in the room")
	for k := 2; k < 45 && !strings.Contains(f.Screen(), "voted"); k++ { // on to the first quiz item
		f.Press("right")
		f.WaitFor(fmt.Sprintf("ch 2 · %d/", k))
	}
	a.WaitFor("vote with 1 or 2")
	a.Press("2")
	f.WaitFor("1 of 1 voted")
	f.Press("r")
	a.WaitFor("You said")
	cancel()
	if out := a.WaitEnd(); !strings.Contains(out, "The facilitator ended the meeting") {
		t.Errorf("a member at the end: %q", out)
	}
	if err := <-done; err != nil {
		t.Fatalf("serve: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "The meeting record (revealed tallies, no names) is in "+record) {
		t.Errorf("serve does not say where the record is:\n%s", out.String())
	}
	raw, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	rec := string(raw)
	// One member voted: too few for the record to keep the members' count.
	for _, want := range []string{"# Meeting record", "Fewer than 3 members voted", "| Mass-organization-like | 0 |",
		"Members who joined: 1"} {
		if !strings.Contains(rec, want) {
			t.Errorf("the record lacks %q:\n%s", want, rec)
		}
	}
	if strings.Contains(rec, "Ada") {
		t.Errorf("the record names a member:\n%s", rec)
	}
}

// serve refuses what it cannot do before it listens: no terminal for the
// presenter, a facilitator key without --headless, a record that exists.
func TestServeRefusesBeforeListening(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "taken.md")
	if err := os.WriteFile(taken, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--listen", "127.0.0.1:0", "--web="}, "use --headless"},
		{[]string{"serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--record", taken}, "already exists"},
		{[]string{"serve", "--headless", "--listen", "127.0.0.1:0", "--web=", "--max-members", "0"}, "at least 1"},
	} {
		if _, err := run(t, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.args, err, c.want)
		}
	}
	if raw, _ := os.ReadFile(taken); string(raw) != "keep me" {
		t.Errorf("an existing record was replaced: %q", raw)
	}
}
