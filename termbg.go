package main

import (
	"bytes"
	"errors"
	"image/color"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"studyguide/content"
	"studyguide/tui"
)

// colorQueryTimeout is how long print waits for the terminal to say what
// colour its background is. A terminal that does not answer queries (some
// do not, and a serial line or a recorder may never) costs print this much
// and no more; it is then taken to be dark.
const colorQueryTimeout = 100 * time.Millisecond

// stdoutProfile is the colour profile of standard output. Lip Gloss
// detects it when the program starts (inside tmux that runs `tmux info`),
// so print and the full-screen program take it from there instead of
// detecting it again.
func stdoutProfile() colorprofile.Profile {
	if lipgloss.Writer != nil {
		return lipgloss.Writer.Profile
	}
	return colorprofile.Detect(os.Stdout, os.Environ())
}

// terminalIsDark asks the controlling terminal once whether its background
// is dark, waiting at most timeout for the answer; without an answer it is
// dark.
func terminalIsDark(timeout time.Duration) bool {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return true
	}
	defer tty.Close()
	bg, err := queryBackground(tty, timeout)
	if err != nil || bg == nil {
		return true
	}
	// Dark is a lightness (in HSL) under one half, as Lip Gloss has it.
	r, g, b, _ := bg.RGBA()
	return max(r, g, b)+min(r, g, b) < 0xffff
}

// queryBackground asks the terminal on tty for its background colour (OSC
// 11) and for its attributes (DA1), which every terminal answers, so that
// the answer is read to its end and nothing is left for the shell. It waits
// at most timeout, with tty in raw mode meanwhile. A nil colour means the
// terminal did not say.
func queryBackground(tty *os.File, timeout time.Duration) (color.Color, error) {
	rc, err := tty.SyscallConn() // tty.Fd() would make reads blocking and deadlines void
	if err != nil {
		return nil, err
	}
	var state *term.State
	if cerr := rc.Control(func(fd uintptr) { state, err = term.MakeRaw(fd) }); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, err
	}
	defer rc.Control(func(fd uintptr) { _ = term.Restore(fd, state) }) //nolint:errcheck
	if err := tty.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return nil, err
	}
	if _, err := tty.WriteString(ansi.RequestBackgroundColor + ansi.RequestPrimaryDeviceAttributes); err != nil {
		return nil, err
	}
	return readBackground(tty)
}

// readBackground reads a terminal's answers until its attributes (which
// come last) or the read deadline.
func readBackground(tty *os.File) (color.Color, error) {
	pa := ansi.GetParser()
	defer ansi.PutParser(pa)
	var (
		bg    color.Color
		acc   []byte
		buf   [256]byte
		state byte
	)
	for {
		n, err := tty.Read(buf[:])
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return bg, nil
		}
		if err != nil {
			return bg, err
		}
		for p := buf[:n]; len(p) > 0; {
			seq, _, read, newState := ansi.DecodeSequence(p, state, pa)
			acc = append(acc, seq...)
			if newState == ansi.NormalState {
				switch {
				case ansi.HasOscPrefix(string(acc)) && pa.Command() == 11:
					if parts := strings.Split(string(pa.Data()), ";"); len(parts) == 2 {
						bg = ansi.XParseColor(parts[1])
					}
				case ansi.HasCsiPrefix(string(acc)) && pa.Command() == ansi.Command('?', 0, 'c'):
					return bg, nil
				}
				acc = acc[:0]
			}
			state = newState
			p = p[read:]
		}
	}
}

// printInTerminalTheme prints in the theme of the terminal's background.
// The terminal may take up to colorQueryTimeout to say (or never say), so
// the dark rendering, the likelier one and the one used without an answer,
// is made meanwhile; it is written once the terminal is out of raw mode.
func printInTerminalTheme(out io.Writer, pack *content.Pack, ch *content.Chapter, po tui.PrintOptions) error {
	answer := make(chan bool, 1)
	go func() { answer <- terminalIsDark(colorQueryTimeout) }()
	var dark bytes.Buffer
	po.IsDark = true
	err := tui.Print(&dark, pack, ch, po)
	if <-answer {
		if err != nil {
			return err
		}
		_, err = out.Write(dark.Bytes())
		return err
	}
	po.IsDark = false
	return tui.Print(out, pack, ch, po)
}
