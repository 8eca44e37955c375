"""A course-style function set, written for this project the way the deep-learning course's
first-course assignments write it: week 2 (logistic regression), week 3 (a network with one tanh
hidden layer), week 4 (an L-layer network; its helper file is dnn_utils.py beside this one).

The formulas are the course's, numerically naive but correct for ordinary inputs: sigmoid is
1/(1+np.exp(-z)), the cost takes np.log of the probabilities, derivatives are s(1-s) and 1-a^2,
nothing validates its input. course_adapter.py serves these functions unchanged through the
dlbasis_protocol kit.

Two deliberate differences from the course's code, both where it breaks once the output
saturates (SPEC LOSS-2, BACKPROP-8): σ rounds to exactly 0 or 1 for |z| > 37, and then
- the course's cost, np.log of the probabilities, is NaN (0·log 0) or +∞; here it is taken from
  the logits Z when they are at hand, log σ(z) = −logaddexp(0, −z), the same number and finite
  wherever z is (compute_cost's optional Z2, compute_cost_deep's ZL, and in propagate);
- week 4's L_model_backward starts from dA[L] = −(Y/A[L] − (1−Y)/(1−A[L])), 0/0 = NaN; here it
  starts from dZ[L] = A[L] − Y, the limit of dA[L]·σ′(Z[L]) and finite for every Z[L].
DLBASIS_COURSE_BREAK=cost puts the course's cost back, DLBASIS_COURSE_BREAK=saturation its
dA[L] (in week 3's backward_propagation too), to see the suite catch each.
"""
import copy
import os

import numpy as np

import dnn_utils

BREAK = os.environ.get("DLBASIS_COURSE_BREAK", "")
if BREAK not in ("", "cost", "saturation"):
    raise SystemExit("DLBASIS_COURSE_BREAK must be cost or saturation, found %r" % BREAK)


def cross_entropy_sum(A, Y, Z=None):
    """-sum(Y log A + (1 - Y) log(1 - A)): from the logits Z when given (and not broken), as np.log otherwise."""
    if Z is None or BREAK == "cost":
        return -np.sum(np.multiply(np.log(A), Y) + np.multiply(np.log(1 - A), 1 - Y))
    return np.sum(np.where(Y == 1, np.logaddexp(0, -Z), np.logaddexp(0, Z)))  # only the term Y selects


# ---------------------------------------------------------------- week 2: logistic regression

def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]

    # FORWARD PROPAGATION (FROM X TO COST)
    Z = np.dot(w.T, X) + b
    A = sigmoid(Z)
    cost = 1 / m * cross_entropy_sum(A, Y, Z)

    # BACKWARD PROPAGATION (TO FIND GRAD)
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)

    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction


# ---------------------------------------------------------------- week 3: one hidden layer (tanh)

def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)

    assert A2.shape == (1, X.shape[1])
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y, Z2=None):
    m = Y.shape[1]
    cost = cross_entropy_sum(A2, Y, Z2) / m
    cost = float(np.squeeze(cost))
    return cost


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    dZ2 = A2 - Y
    if BREAK == "saturation":  # the week-4 helper's way: through dA2, 0/0 once A2 rounds to 0 or 1
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dZ2 = dnn_utils.sigmoid_backward(dA2, cache["Z2"])
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)

    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = parameters["b1"]
    W2 = copy.deepcopy(parameters["W2"])
    b2 = parameters["b2"]

    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# ---------------------------------------------------------------- week 4: L layers, [LINEAR->RELU]*(L-1)->LINEAR->SIGMOID

def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)  # number of layers in the network

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = dnn_utils.sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = dnn_utils.relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost_deep(AL, Y, ZL=None):
    """Week 4's compute_cost (the course names both weeks' function compute_cost)."""
    m = Y.shape[1]
    if ZL is None or BREAK == "cost":
        cost = (1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    else:
        cost = (1. / m) * np.sum(np.where(Y == 1, np.logaddexp(0, -ZL), np.logaddexp(0, ZL)))
    cost = np.squeeze(cost)  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).
    return cost


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = dnn_utils.relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = dnn_utils.sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    current_cache = caches[L - 1]
    if BREAK == "saturation":  # the course's own first step: 0/0 = NaN once AL rounds to 0 or 1
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    else:  # dZL = AL - Y: the limit of dAL * sigmoid'(ZL), finite for every ZL
        dA_prev_temp, dW_temp, db_temp = linear_backward(AL - Y, current_cache[0])
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


def update_parameters_deep(params, grads, learning_rate):
    """Week 4's update_parameters (the course names both weeks' function update_parameters)."""
    parameters = params.copy()
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters
