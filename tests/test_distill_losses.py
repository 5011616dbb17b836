"""Each KD loss term against values computed by hand, plus KDConfig validation."""
from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch

from kitlib.distill import (KDConfig, attention_loss, check_compatible, embedding_loss,
                            hard_ce, hidden_loss, masked_mse, prediction_loss,
                            select_teacher_hidden)
from kitlib.errors import KitError


def test_masked_mse_ignores_padding():
    s = torch.tensor([[[1.0, 2.0], [30.0, 40.0]]])
    t = torch.zeros(1, 2, 2)
    # only the first token counts: (1^2 + 2^2) / 2 features
    assert masked_mse(s, t, torch.tensor([[1, 0]])).item() == pytest.approx(2.5)
    assert masked_mse(s, t, torch.tensor([[1, 1]])).item() == pytest.approx((1 + 4 + 900 + 1600) / 4)


def test_embedding_loss_uses_hidden_states_zero():
    s0 = torch.full((1, 1, 2), 3.0)
    s1 = torch.full((1, 1, 2), 100.0)
    assert embedding_loss([s0, s1], torch.ones(1, 1, 2), torch.ones(1, 1)).item() == pytest.approx(4.0)


def test_hidden_loss_sums_layers_through_map():
    emb = torch.zeros(1, 1, 2)
    student = [emb, torch.full((1, 1, 2), 1.0), torch.full((1, 1, 2), 2.0)]
    teacher_states = [emb] + [torch.full((1, 1, 2), float(10 * i)) for i in range(4)]
    # layer_map [0, 2]: student layer 0 <- teacher hidden_states[1] (=0), layer 1 <- hidden_states[3] (=20)
    mapped = select_teacher_hidden(teacher_states, [0, 2])
    assert [m[0, 0, 0].item() for m in mapped] == [0.0, 0.0, 20.0]
    value = hidden_loss(student, mapped[1:], torch.ones(1, 1)).item()
    assert value == pytest.approx(1.0 + 18.0 ** 2)


def test_attention_loss_masks_query_and_key_padding():
    s = torch.tensor([[[[0.5, 0.5], [0.9, 0.1]]]])  # [B=1, heads=1, T=2, T=2]
    t = torch.tensor([[[[0.25, 0.75], [0.0, 1.0]]]])
    # only (query 0, key 0) is a real pair with mask [1, 0]
    assert attention_loss([s], [t], torch.tensor([[1, 0]])).item() == pytest.approx(0.0625)
    full = (0.25 ** 2 + 0.25 ** 2 + 0.9 ** 2 + 0.9 ** 2) / 4
    assert attention_loss([s, s], [t, t], torch.tensor([[1, 1]])).item() == pytest.approx(2 * full)


def test_soft_ce_by_hand_and_temperature_scaling():
    s = torch.tensor([[0.0, 0.0]])
    t = torch.tensor([[math.log(3.0), 0.0]])
    # uniform student: cross-entropy is ln 2 whatever the teacher; T^2 scaling at T=2
    assert prediction_loss(s, t).item() == pytest.approx(math.log(2))
    assert prediction_loss(s, t, temperature=2.0).item() == pytest.approx(4 * math.log(2))
    entropy = -(0.75 * math.log(0.75) + 0.25 * math.log(0.25))
    assert prediction_loss(t, t).item() == pytest.approx(entropy, rel=1e-5)


def test_mse_prediction_and_token_mask():
    s = torch.tensor([[[1.0, 2.0], [50.0, 50.0]]])  # [B, T, C]
    t = torch.zeros(1, 2, 2)
    assert prediction_loss(s, t, kind="mse", mask=torch.tensor([[1, 0]])).item() == pytest.approx(2.5)
    assert prediction_loss(s[:, :1], t[:, :1], kind="soft_ce").item() == pytest.approx(
        -math.log(math.exp(1) / (math.exp(1) + math.exp(2))) / 2 - math.log(math.exp(2) / (math.exp(1) + math.exp(2))) / 2)


def test_hard_ce_ignores_minus_100():
    logits = torch.tensor([[[0.0, 0.0], [9.0, -9.0]]])
    assert hard_ce(logits, torch.tensor([[0, -100]])).item() == pytest.approx(math.log(2))


@pytest.mark.parametrize("kwargs, word", [
    ({"terms": {"pred": 1, "logits": 1}}, "logits"),
    ({"terms": {"pred": -1}}, "-1"),
    ({"temperature": 0}, "temperature"),
    ({"temperature": -2.0}, "temperature"),
    ({"pred_loss": "kl"}, "soft_ce"),
    ({"stages": 3}, "stages"),
    ({"terms": {"pred": 0}}, "at least one"),
    ({"terms": {"pred": 1}, "stages": 2}, "hidden"),
])
def test_bad_kd_config(kwargs, word):
    with pytest.raises(KitError, match="allowed") as err:
        KDConfig(**kwargs)
    assert word in str(err.value)


def test_kd_config_defaults_and_stages():
    kd = KDConfig(stages=2)
    assert kd.terms == {"pred": 1.0, "hidden": 1.0, "attn": 1.0, "embed": 1.0, "ce": 1.0}
    assert set(kd.active_terms(1)) == {"hidden", "attn", "embed"}
    assert set(kd.active_terms(2)) == {"pred", "ce"}
    assert KDConfig(terms={"pred": 1}).need_hidden is False


def _cfg(layers=2, hidden=32, heads=4):
    return SimpleNamespace(num_hidden_layers=layers, hidden_size=hidden, num_attention_heads=heads)


def test_head_count_and_width_mismatch_errors():
    info = {"hidden_size": 32, "num_attention_heads": 4, "num_hidden_layers": 4}
    with pytest.raises(KitError, match="attn"):
        check_compatible(_cfg(heads=2), info, KDConfig(), [1, 3])
    check_compatible(_cfg(heads=2), info, KDConfig(terms={"pred": 1, "hidden": 1}), [1, 3])
    with pytest.raises(KitError, match="projection"):
        check_compatible(_cfg(hidden=16, heads=4), info, KDConfig(), [1, 3])
    with pytest.raises(KitError, match="layer_map"):
        check_compatible(_cfg(), info, KDConfig(), [1, 2, 3])
    with pytest.raises(KitError, match="layer_map"):
        check_compatible(_cfg(), info, KDConfig(), [1, 7])
