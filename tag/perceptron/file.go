package perceptron

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
)

// WriteFile frames a model file: gzip at best compression, a first line
// naming the format (magic), then what body writes. Equal bodies give
// equal bytes.
func WriteFile(w io.Writer, magic string, body func(*bufio.Writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if _, err := bw.WriteString(magic + "\n"); err != nil {
		return err
	}
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadFile reads a file written by WriteFile and returns its body, or an
// error when it is not gzip data or its first line is not magic.
func ReadFile(r io.Reader, magic string) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	line, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(line) != magic {
		return nil, fmt.Errorf("not a %s file", magic)
	}
	return rest, nil
}
