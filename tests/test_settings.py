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
