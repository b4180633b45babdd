"""Personal data in what residents type: redaction for reports and logs, retention of conversations."""
