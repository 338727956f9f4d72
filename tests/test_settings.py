import subprocess
import sys

import pytest

from dateline.errors import ConfigError
from dateline.settings import Settings, load_settings, setting_help


def test_settings_precedence_file_then_environment_then_overrides(tmp_path):
    config = tmp_path / "dateline.toml"
    config.write_text('batch_size = 16\nspacy_model = "en_core_web_trf"\nhttp_timeout = 5\n')
    environ = {"DATELINE_BATCH_SIZE": "32", "DATELINE_CONFIG": str(config)}
    settings = load_settings({"http_timeout": "2.5"}, environ=environ)
    assert settings.spacy_model == "en_core_web_trf"  # from the file
    assert settings.batch_size == 32  # the environment beats the file
    assert settings.http_timeout == 2.5  # the command line beats both


def test_settings_reject_bad_values_with_the_setting_name():
    with pytest.raises(ConfigError, match="setting batch_size must be int, got 'many'"):
        load_settings({"batch_size": "many"}, environ={})
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings({"colour": "red"}, environ={})


def test_settings_name_the_broken_config_file(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("batch_size = = 3")
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        load_settings(environ={"DATELINE_CONFIG": str(config)})


def test_settings_parse_booleans():
    assert load_settings({"fetch_feed_links": "no"}, environ={}).fetch_feed_links is False
    assert Settings().fetch_feed_links is True


def test_settings_every_setting_has_help():
    assert all(len(text) > 10 for text in setting_help().values())


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("batch_size", "0", "setting batch_size must be a whole number from 1 to 100000, got '0'"),
        ("n_process", "-2", "setting n_process must be a whole number from 1 to 256"),
        ("http_timeout", "-1", "setting http_timeout must be a number above 0 and at most 86400"),
        ("http_timeout", "0", "setting http_timeout must be a number above 0"),
        ("http_timeout", "nan", "setting http_timeout must be a number above 0"),
        ("http_timeout", "inf", "setting http_timeout must be a number above 0"),
        ("max_file_mb", "nan", "setting max_file_mb must be a number above 0 and at most 1000000"),
        ("max_file_mb", "-5", "setting max_file_mb must be a number above 0"),
        ("min_body_chars", "-1", "setting min_body_chars must be a whole number from 0"),
    ],
)
def test_settings_numbers_out_of_range_name_the_setting_and_its_range(name, value, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(environ={f"DATELINE_{name.upper()}": value})
    with pytest.raises(ConfigError, match=f"setting {name} must be"):
        Settings().replace(**{name: value})


def test_settings_a_binary_config_file_is_one_error(tmp_path):
    config = tmp_path / "dateline.toml"
    config.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(ConfigError, match="dateline.toml: not a TOML settings file"):
        load_settings(environ={"DATELINE_CONFIG": str(config)})


def test_settings_errors_are_one_line_from_the_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dateline", "articles", "--db", "x.db"],
        cwd=tmp_path,
        env={"DATELINE_HTTP_TIMEOUT": "nan", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Error: setting http_timeout must be a number above 0 and at most 86400, got 'nan'\n"
    )
