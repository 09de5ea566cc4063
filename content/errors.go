package content

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
)

// Problem is one thing wrong with a pack, located as precisely as we can:
// the file inside the pack and, where known, the line. Its text reads like a
// compiler message so an author can jump straight to it.
type Problem struct {
	File string
	Line int // 0 when the problem concerns the whole file
	Msg  string
}

// Error is the problem as "file:line: message". Text quoted from the pack
// is made safe to print: a forbidden character shows as an escape such as
// \x1b, so printing a problem never sends the terminal a control sequence.
func (p Problem) Error() string {
	if p.Line > 0 {
		return SafeText(fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg))
	}
	return SafeText(fmt.Sprintf("%s: %s", p.File, p.Msg))
}

// Problems is every problem found while loading a pack, in file order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// yamlProblem turns a go-yaml error into a Problem that names the line.
func yamlProblem(file string, err error) Problem {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			line = tok.Position.Line
		}
		return Problem{File: file, Line: line, Msg: ye.GetMessage()}
	}
	return Problem{File: file, Msg: err.Error()}
}
