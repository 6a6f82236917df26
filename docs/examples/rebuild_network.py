"""Rebuilds every saved network of a sweep from table `models` in numpy and checks its predictions
against table `predictions`: to 1e-9 MeV for float64 networks, to 1e-5 of the prediction for float32. Also in PyTorch where it is installed.

    python3 docs/examples/rebuild_network.py results/quickstart/sweep

Table `models` holds one row per run and layer l = 1 .. l_out: `weights` W^(l) row-major
fan_out x fan_in, `biases` b^(l), and per run the inputs (`zn`: Z, N; `zn-pairing`: Z, N, Z mod 2,
N mod 2), the MinMax range of Z and N over the training data (`input_min`, `input_max`; paper
Eq. 40: x' = (x - min) / (max - min), 0 where max = min; the pairing flags enter unscaled), the
`target` (`binding-energy`: the output is B; `binding-energy-per-nucleon`: the output times A is B),
`target_scale` (the output times it is the target in MeV) and the `precision` of the arithmetic.
The network: z^(1) = W^(1) x + b^(1), z^(l+1) = W^(l+1) sigma(z^(l)) + b^(l+1), the output
z^(l_out) linear.
"""
import math
import sys

import numpy as np

from annft_results import RUN_KEY, ResultSet

def tolerance_mev(precision, expected):
    """float64: 1e-9 MeV, as only the products' order of summation differs from annft's BLAS.
    float32: 1e-5 of the prediction, as the network's output rounds to a float's 24-bit mantissa at
    every layer (one unit in the last place is 6e-8 of the value)."""
    return 1e-9 if precision == "float64" else 1e-5 * np.abs(expected)


BOUND = {"float64": "1e-9 MeV", "float32": "1e-5 of the prediction"}


def activation(name):
    """The hidden layers' sigma by annft's name (`relu`, `tanh`, `leaky-relu:0.01`, ...; `_` and `-` alike)."""
    name = name.replace("-", "_")
    if name.startswith("leaky_relu:"):
        slope = float(name.split(":", 1)[1])
        return lambda z: np.where(z > 0, z, slope * z)
    softplus = lambda z: np.logaddexp(0, z)
    erf = np.vectorize(math.erf, otypes=[float])
    return {
        "relu": lambda z: np.maximum(z, 0),
        "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
        "linear": lambda z: z,
        "tanh": np.tanh,
        "sin": np.sin,
        "softplus": softplus,
        "shifted_softplus": lambda z: softplus(z) - math.log(2),
        "gelu": lambda z: z * 0.5 * (1 + erf(z / math.sqrt(2))),
        "swish": lambda z: z / (1 + np.exp(-z)),
    }[name]


def network_inputs(model, z, n):
    """The network's input rows of the nuclides (z[i], n[i])."""
    lo, hi = np.asarray(model["input_min"]), np.asarray(model["input_max"])
    zn = np.column_stack([z, n]).astype(float)
    scaled = np.where(hi > lo, (zn - lo) / np.where(hi > lo, hi - lo, 1), 0.0)
    if model["inputs"] == "zn-pairing":
        scaled = np.column_stack([scaled, z % 2, n % 2])
    return scaled


def predict_numpy(layers, z, n):
    """Total binding energies in MeV of the nuclides (z, n) by the network of one run's `models` rows."""
    first = layers.iloc[0]
    dtype = np.float32 if first["precision"] == "float32" else np.float64
    sigma = activation(first["activation"])
    h = network_inputs(first, z, n).astype(dtype)
    for i, layer in enumerate(layers.itertuples()):
        w = np.asarray(layer.weights, dtype=dtype).reshape(layer.fan_out, layer.fan_in)
        h = h @ w.T + np.asarray(layer.biases, dtype=dtype)
        if i < len(layers) - 1:
            h = sigma(h).astype(dtype)
    out = dtype(first["target_scale"]) * h[:, 0]
    nucleons = (z + n) if first["target"] == "binding-energy-per-nucleon" else 1
    return nucleons * out.astype(np.float64)


def predict_torch(torch, layers, z, n):
    """The same network as torch.nn layers (ReLU and tanh), or None for other activations."""
    first = layers.iloc[0]
    hidden = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}.get(first["activation"])
    if hidden is None:
        return None
    dtype = torch.float32 if first["precision"] == "float32" else torch.float64
    modules = []
    for i, layer in enumerate(layers.itertuples()):
        linear = torch.nn.Linear(layer.fan_in, layer.fan_out, dtype=dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(np.asarray(layer.weights).reshape(layer.fan_out, layer.fan_in), dtype=dtype))
            linear.bias.copy_(torch.tensor(np.asarray(layer.biases), dtype=dtype))
        modules += [linear] + ([hidden()] if i < len(layers) - 1 else [])
    with torch.no_grad():
        out = torch.nn.Sequential(*modules)(torch.tensor(network_inputs(first, z, n), dtype=dtype))
    nucleons = (z + n) if first["target"] == "binding-energy-per-nucleon" else 1
    return nucleons * first["target_scale"] * out[:, 0].double().numpy()


def main(directory):
    results = ResultSet(directory)
    models = results.read("models")
    predictions = results.read("predictions")
    results.check_unchanged()
    try:
        import torch
    except ImportError:
        torch = None
        print("PyTorch is not installed: the PyTorch rebuild is skipped")
    worst = {}
    by_run = dict(tuple(predictions.groupby(RUN_KEY)))
    for key, layers in models.sort_values(RUN_KEY + ["layer"]).groupby(RUN_KEY, sort=False):
        if key not in by_run:
            raise SystemExit(f"run {key} has a model but no predictions")
        expected = by_run[key]
        z, n = expected.z.to_numpy(), expected.n.to_numpy()
        precision = layers.precision.iloc[0]
        rebuilt = {"numpy": predict_numpy(layers, z, n)}
        if torch is not None:
            rebuilt["torch"] = predict_torch(torch, layers, z, n)
        table = expected.prediction_mev.to_numpy()
        for library, values in rebuilt.items():
            if values is None:
                continue
            error = np.abs(values - table)
            if not np.all(error <= tolerance_mev(precision, table)):
                raise SystemExit(f"run {key}: {library} differs from predictions by up to {error.max()} MeV "
                                 f"(tolerance {BOUND[precision]} for {precision})")
            worst[(library, precision)] = max(worst.get((library, precision), 0.0), error.max())
    runs = models[RUN_KEY].drop_duplicates().shape[0]
    for (library, precision), error in sorted(worst.items()):
        print(f"{library}: {runs} networks rebuilt, {precision} predictions within {error:.1e} MeV of table predictions "
              f"(tolerance {BOUND[precision]})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: rebuild_network.py RESULTS_DIR")
    main(sys.argv[1])
